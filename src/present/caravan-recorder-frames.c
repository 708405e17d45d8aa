/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-recorder-frames.c: what the recorder films and how. It shows the real presentation
 * window (map, pins, caption, strip) on a display connection of its own, to GTK only: the
 * window's surface is never mapped, and the recorder lays it out and draws it into video
 * frames itself. Each step starts with the map's
 * flight, interpolated frame by frame as libshumate's go-to does. The driver that decides
 * when to draw is in caravan-recorder.c. */

#define G_LOG_DOMAIN "caravan-recorder"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caravan-event.h"
#include "caravan-map-source.h"
#include "caravan-map-view.h"
#include "caravan-presentation.h"
#include "caravan-recorder-private.h"
#include "caravan-selection.h"
#include "caravan-story.h"

static ShumateViewport *
get_viewport (CaravanRecorder *self)
{
  return caravan_map_view_get_viewport (caravan_presentation_get_map_view (self->presentation));
}

static void
get_camera (CaravanRecorder       *self,
            CaravanRecorderCamera *camera)
{
  ShumateViewport *viewport = get_viewport (self);

  camera->latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  camera->longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  camera->zoom = shumate_viewport_get_zoom_level (viewport);
}

static void
set_camera (CaravanRecorder             *self,
            const CaravanRecorderCamera *camera)
{
  ShumateViewport *viewport = get_viewport (self);

  shumate_viewport_set_zoom_level (viewport, camera->zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), camera->latitude,
                                 camera->longitude);
}

static double
ease_in_out_quad (double p)
{
  p *= 2.0;
  if (p < 1.0)
    return 0.5 * p * p;
  p -= 1.0;
  return -0.5 * (p * (p - 2) - 1);
}

/* Where the flight is at @progress (0…1), as libshumate 1.0's go-to computes it: the zoom
 * eases in and out, the position follows the zoom so the flight keeps an even speed. */
static void
interpolate_camera (const CaravanRecorderCamera *from,
                    const CaravanRecorderCamera *to,
                    double                       progress,
                    CaravanRecorderCamera       *out)
{
  double p = ease_in_out_quad (progress);

  out->zoom = from->zoom + (to->zoom - from->zoom) * p;
  if (to->zoom != from->zoom)
    p = (pow (2, -from->zoom) - pow (2, -out->zoom)) /
        (pow (2, -from->zoom) - pow (2, -to->zoom));
  out->latitude = from->latitude + (to->latitude - from->latitude) * p;
  out->longitude = from->longitude + (to->longitude - from->longitude) * p;
}

/* The window's surface is never mapped, so its frame clock runs no phase of its own, and GTK
 * brings styles up to date across two of them: a style that changed (a pin that became
 * selected) queues a tick callback on the window, run in the update phase, which starts the
 * layout phase, where styles are validated and sizes follow them. Emitting both runs exactly
 * that work now, the same on every run. */
void
caravan_recorder_lay_out (CaravanRecorder *self)
{
  GtkWidget *window = GTK_WIDGET (self->presentation);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  if (clock != NULL)
    {
      g_signal_emit_by_name (clock, "update");
      g_signal_emit_by_name (clock, "layout");
    }
  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, self->width, NULL, NULL, NULL, NULL);
  gtk_widget_allocate (window, self->width, self->height, -1, NULL);
}

/* Draws the window's content straight into a video frame with GSK's cairo drawing. */
GstBuffer *
caravan_recorder_draw_frame (CaravanRecorder *self)
{
  GtkWidget *window = GTK_WIDGET (self->presentation);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GstBuffer *buffer = caravan_recorder_new_buffer (self);
  GskRenderNode *node;
  cairo_surface_t *surface;
  cairo_t *cr;
  GstMapInfo map;

  for (GtkWidget *child = gtk_widget_get_first_child (window);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (window, child, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);

  gst_buffer_map (buffer, &map, GST_MAP_WRITE);
  surface = cairo_image_surface_create_for_data (map.data, CAIRO_FORMAT_ARGB32,
                                                 self->width, self->height, self->width * 4);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  gst_buffer_unmap (buffer, &map);
  g_clear_pointer (&node, gsk_render_node_unref);

  return buffer;
}

static void
on_tiles_done (CaravanMapSource *source,
               CaravanRecorder  *self)
{
  caravan_recorder_schedule_work (self, 0);
}

/* A display connection of the process's own for recordings, opened once: its settings have
 * animations off (the map then jumps, and the recorder flies it), and nothing drawn for it
 * reaches the screen. Styles and icons as the application has them on its own display. */
static GdkDisplay *
get_recording_display (void)
{
  static GdkDisplay *display;
  const char *css[] = { RESOURCE_PATH "/style.css", "/org/gnome/shumate/license.css",
                        "/org/gnome/shumate/scale.css" };
  GdkDisplay *default_display;

  if (display != NULL)
    return display;

  default_display = gdk_display_get_default ();
  display = default_display ? gdk_display_open (gdk_display_get_name (default_display)) : NULL;
  if (display == NULL)
    return NULL;

  g_object_set (gtk_settings_get_for_display (display), "gtk-enable-animations", FALSE, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (css); i++)
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
      guint priority = i == 0 ? GTK_STYLE_PROVIDER_PRIORITY_APPLICATION
                              : GTK_STYLE_PROVIDER_PRIORITY_FALLBACK;

      gtk_css_provider_load_from_resource (provider, css[i]);
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  priority);
    }
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                    RESOURCE_PATH "/icons");
  return display;
}

gboolean
caravan_recorder_create_presentation (CaravanRecorder  *self,
                                      GError          **error)
{
  GdkDisplay *display = get_recording_display ();
  g_autoptr(CaravanEvent) first = NULL;
  GtkWidget *window;

  if (display == NULL)
    {
      g_set_error (error, CARAVAN_RECORDER_ERROR, CARAVAN_RECORDER_ERROR_DISPLAY,
                   _("No display to draw the presentation on"));
      return FALSE;
    }

  /* A selection of our own: the main window stays where the user left it. */
  self->selection = caravan_selection_new ();
  caravan_selection_set_story (self->selection, self->story);
  first = g_list_model_get_item (caravan_story_get_events (self->story), self->first_step);
  caravan_selection_select_event (self->selection, first);

  self->presentation = g_object_ref_sink (caravan_presentation_new (self->selection, NULL));
  window = GTK_WIDGET (self->presentation);
  gtk_window_set_display (GTK_WINDOW (window), display);
  gtk_window_set_default_size (GTK_WINDOW (window), self->width, self->height);
  caravan_presentation_set_theme (self->presentation, self->theme);
  /* Shown to GTK, so that styles and sizes follow every change (a window GTK thinks hidden
   * never brings them up to date), but never mapped on a screen. */
  caravan_presentation_set_offscreen (self->presentation, TRUE);
  gtk_widget_set_visible (window, TRUE);

  self->map_source = CARAVAN_MAP_SOURCE (caravan_map_view_get_map_source (
                       caravan_presentation_get_map_view (self->presentation)));
  g_object_ref (self->map_source);
  self->tiles_handler = g_signal_connect (self->map_source, "tiles-done",
                                          G_CALLBACK (on_tiles_done), self);
  caravan_recorder_lay_out (self);
  return TRUE;
}

void
caravan_recorder_destroy_presentation (CaravanRecorder *self)
{
  g_clear_signal_handler (&self->tiles_handler, self->map_source);
  g_clear_object (&self->map_source);
  if (self->presentation != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presentation));
  g_clear_object (&self->presentation);
  g_clear_object (&self->selection);
}

void
caravan_recorder_begin_step (CaravanRecorder *self)
{
  self->frame_in_step = 0;
  self->frames_per_step = caravan_recorder_get_frames_per_step (self);
  get_camera (self, &self->from);
  if (self->step != self->first_step)
    caravan_presentation_go_to_step (self->presentation, self->step);
  gst_clear_buffer (&self->still);
}

/* The map view has jumped to the step's camera: go back and fly there over the next frames. */
void
caravan_recorder_plan_flight (CaravanRecorder *self)
{
  get_camera (self, &self->to);
  self->flight_frames = 0;
  if (self->step != self->first_step &&
      (self->from.latitude != self->to.latitude || self->from.longitude != self->to.longitude ||
       self->from.zoom != self->to.zoom))
    {
      self->flight_frames = MIN ((guint) round (CARAVAN_RECORDER_FLIGHT_SECONDS * self->fps),
                                 self->frames_per_step - 1);
      set_camera (self, &self->from);
    }
}

/* Puts the map where the current frame of the step shows it. */
void
caravan_recorder_place_camera (CaravanRecorder *self)
{
  CaravanRecorderCamera camera;

  if (self->frame_in_step < self->flight_frames)
    interpolate_camera (&self->from, &self->to,
                        (double) (self->frame_in_step + 1) / (self->flight_frames + 1),
                        &camera);
  else
    camera = self->to;
  set_camera (self, &camera);
}
