/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-frame-floor.c: what a frame costs GTK and the X server when the application draws
 * next to nothing: a window of the given size redrawn on every frame with one full-window
 * colour, a full-window image painted by cairo, or a full-window texture node. It prints the
 * same interval and work figures as bench-flights, so those can be read against this floor.
 * Run it as bench-flights is run:
 *   xvfb-run -a -s '-screen 0 3840x2160x24' env GSK_RENDERER=cairo \
 *     ./_build/tests/bench/bench-frame-floor [WIDTHxHEIGHT…] */

#define G_LOG_DOMAIN "caravan-bench-frame-floor"

#include <gtk/gtk.h>
#include <stdio.h>
#include <time.h>

#define N_FRAMES 240

typedef enum
{
  FILL_COLOUR,
  FILL_CAIRO_IMAGE,
  FILL_TEXTURE,
  N_FILLS
} Fill;

static const char *fill_names[N_FILLS] = {
  "one colour node",
  "cairo node painting an RGB24 image",
  "texture node",
};

#define FLOOR_TYPE_AREA (floor_area_get_type ())
G_DECLARE_FINAL_TYPE (FloorArea, floor_area, FLOOR, AREA, GtkWidget)

struct _FloorArea
{
  GtkWidget        parent_instance;
  Fill             fill;
  guint            frame;
  cairo_surface_t *image;
  GdkTexture      *texture;
};

G_DEFINE_FINAL_TYPE (FloorArea, floor_area, GTK_TYPE_WIDGET)

static void
floor_area_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  FloorArea *self = FLOOR_AREA (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  /* A little movement each frame, as in a flight. */
  double shift = self->frame % 2;
  cairo_t *cr;

  switch (self->fill)
    {
    case FILL_COLOUR:
      gtk_snapshot_append_color (snapshot,
                                 &(GdkRGBA) { 0.2, 0.3 + 0.1 * shift, 0.5, 1 }, &bounds);
      break;
    case FILL_CAIRO_IMAGE:
      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      cairo_set_source_surface (cr, self->image, shift, 0);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_paint (cr);
      cairo_destroy (cr);
      break;
    case FILL_TEXTURE:
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (shift, 0));
      gtk_snapshot_append_texture (snapshot, self->texture, &bounds);
      gtk_snapshot_restore (snapshot);
      break;
    case N_FILLS:
    default:
      g_assert_not_reached ();
    }
}

static void
floor_area_dispose (GObject *object)
{
  FloorArea *self = FLOOR_AREA (object);

  g_clear_pointer (&self->image, cairo_surface_destroy);
  g_clear_object (&self->texture);
  G_OBJECT_CLASS (floor_area_parent_class)->dispose (object);
}

static void
floor_area_class_init (FloorAreaClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = floor_area_dispose;
  GTK_WIDGET_CLASS (klass)->snapshot = floor_area_snapshot;
}

static void
floor_area_init (FloorArea *self)
{
}

static FloorArea *
floor_area_new (Fill fill,
                int  width,
                int  height)
{
  FloorArea *self = g_object_new (FLOOR_TYPE_AREA, NULL);
  g_autoptr(GBytes) bytes = NULL;
  cairo_t *cr;

  self->fill = fill;
  self->image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (self->image);
  for (int x = 0; x < width; x += 256)
    {
      cairo_rectangle (cr, x, 0, 128, height);
      cairo_set_source_rgb (cr, 0.2 + 0.6 * x / width, 0.4, 0.6);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (self->image);
  bytes = g_bytes_new (cairo_image_surface_get_data (self->image),
                       (gsize) cairo_image_surface_get_stride (self->image) * height);
  self->texture = gdk_memory_texture_new (width, height, GDK_MEMORY_B8G8R8A8_PREMULTIPLIED,
                                          bytes, cairo_image_surface_get_stride (self->image));
  return self;
}

typedef struct
{
  FloorArea *area;
  gint64     last_frame_time;
  gint64     frame_cpu;
  GArray    *intervals;
  GArray    *work;
  GArray    *work_cpu;
  gboolean   done;
} Watch;

static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  FLOOR_AREA (widget)->frame++;
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
on_before_paint (GdkFrameClock *clock,
                 Watch         *watch)
{
  watch->frame_cpu = thread_cpu_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Watch         *watch)
{
  GdkFrameTimings *timings = gdk_frame_clock_get_current_timings (clock);
  gint64 frame_time = gdk_frame_timings_get_frame_time (timings);
  double ms;

  /* The first frames map the window and warm the caches. */
  if (watch->area->frame < 10)
    return;
  if (watch->last_frame_time > 0)
    {
      ms = (frame_time - watch->last_frame_time) / 1000.0;
      g_array_append_val (watch->intervals, ms);
    }
  ms = (g_get_monotonic_time () - frame_time) / 1000.0;
  g_array_append_val (watch->work, ms);
  ms = (thread_cpu_time () - watch->frame_cpu) / 1000.0;
  g_array_append_val (watch->work_cpu, ms);
  watch->last_frame_time = frame_time;
  watch->done = watch->work->len >= N_FRAMES;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *times,
            double  p)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, MIN (times->len - 1, (guint) (times->len * p)));
}

static void
measure (Fill fill,
         int  width,
         int  height)
{
  GtkWidget *window = gtk_window_new ();
  Watch watch = { 0 };
  GdkFrameClock *clock;
  double refresh_ms = 1000.0 / 60;
  guint dropped = 0;

  watch.area = floor_area_new (fill, width, height);
  watch.intervals = g_array_new (FALSE, FALSE, sizeof (double));
  watch.work = g_array_new (FALSE, FALSE, sizeof (double));
  watch.work_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (watch.area));
  gtk_widget_add_tick_callback (GTK_WIDGET (watch.area), on_tick, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &watch);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &watch);
  while (!watch.done)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < watch.intervals->len; i++)
    {
      double interval = g_array_index (watch.intervals, double, i);

      if (interval > 1.5 * refresh_ms)
        dropped += (guint) floor (interval / refresh_ms + 0.5) - 1;
    }
  g_print ("%dx%d %-36s interval p50 %5.1f p95 %5.1f ms, dropped %3u | work p50 %5.1f p95 %5.1f"
           " ms | work CPU p50 %5.1f p95 %5.1f ms\n", width, height, fill_names[fill],
           percentile (watch.intervals, 0.5), percentile (watch.intervals, 0.95), dropped,
           percentile (watch.work, 0.5), percentile (watch.work, 0.95),
           percentile (watch.work_cpu, 0.5), percentile (watch.work_cpu, 0.95));

  g_signal_handlers_disconnect_by_data (clock, &watch);
  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (watch.intervals);
  g_array_unref (watch.work);
  g_array_unref (watch.work_cpu);
}

int
main (int   argc,
      char *argv[])
{
  static const int default_sizes[][2] = { { 1920, 1080 }, { 3840, 2160 } };
  int n_sizes = argc > 1 ? argc - 1 : 2;

  gtk_init ();
  g_print ("renderer: %s\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  for (int i = 0; i < n_sizes; i++)
    {
      int width = 0, height = 0;

      if (argc > 1)
        {
          if (sscanf (argv[i + 1], "%dx%d", &width, &height) != 2 || width <= 0 || height <= 0)
            {
              g_printerr ("bench-frame-floor: %s is not WIDTHxHEIGHT\n", argv[i + 1]);
              return 2;
            }
        }
      else
        {
          width = default_sizes[i][0];
          height = default_sizes[i][1];
        }
      for (Fill fill = 0; fill < N_FILLS; fill++)
        measure (fill, width, height);
    }
  return 0;
}
