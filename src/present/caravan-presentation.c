/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-presentation.c: presentation mode for projectors: a fullscreen map with a large
 * caption, a timeline strip and the step count, driven by clicker keys or autoplay. It steps by
 * moving the main window's CaravanSelection, so every view and the D-Bus actions follow it. */

#define G_LOG_DOMAIN "caravan-presentation"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caravan-event.h"
#include "caravan-excerpt.h"
#include "caravan-map-source.h"
#include "caravan-map-view.h"
#include "caravan-place.h"
#include "caravan-presentation.h"
#include "caravan-presenter-view.h"
#include "caravan-selection.h"
#include "caravan-story.h"

/* Text must be legible from the back of a room: every text is at least 1/30 of the screen
 * height; we use 1/27 to keep a margin. */
#define TEXT_HEIGHT_DIVISOR 27.0
#define TITLE_SCALE         1.35
#define MAX_TITLE_LINES     3
#define MAX_TYPED_DIGITS    4
#define DEFAULT_SECONDS_PER_STEP 10.0

struct _CaravanPresentation
{
  AdwWindow                 parent_instance;

  CaravanSelection         *selection;
  GSignalGroup             *selection_signals;
  CaravanMapSource         *map_source;
  CaravanPresenterView     *presenter_view;
  GdkMonitor               *monitor;
  GString                  *typed_step;     /* digits typed before Enter */
  CaravanPresentationBlank  blank;
  gboolean                  autoplay;
  gboolean                  autoplay_used;
  gboolean                  loop;
  double                    seconds_per_step;
  guint                     autoplay_timeout;
  guint                     layout_idle;
  int                       layout_width;
  int                       layout_height;

  /* template children */
  CaravanMapView           *map_view;
  GtkWidget                *caption_box;
  GtkBox                   *caption_inner;
  GtkLabel                 *title_label;
  GtkLabel                 *date_label;
  GtkLabel                 *quote_label;
  GtkWidget                *strip_box;
  GtkDrawingArea           *strip;
  GtkLabel                 *autoplay_label;
  GtkLabel                 *progress_label;
  GtkWidget                *blank_box;
};

G_DEFINE_FINAL_TYPE (CaravanPresentation, caravan_presentation, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SELECTION,
  PROP_STEP,
  PROP_BLANK,
  PROP_THEME,
  PROP_AUTOPLAY,
  PROP_SECONDS_PER_STEP,
  PROP_LOOP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CaravanStory *
get_story (CaravanPresentation *self)
{
  return self->selection ? caravan_selection_get_story (self->selection) : NULL;
}

static void
set_label_font (GtkLabel   *label,
                int         pixels,
                PangoWeight weight,
                PangoStyle  style)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_size_new_absolute (pixels * PANGO_SCALE));
  pango_attr_list_insert (attrs, pango_attr_weight_new (weight));
  pango_attr_list_insert (attrs, pango_attr_style_new (style));
  gtk_label_set_attributes (label, attrs);
}

static int
measure_height (GtkWidget *widget,
                int        for_width)
{
  int natural = 0;

  if (!gtk_widget_get_visible (widget))
    return 0;
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, for_width, NULL, &natural, NULL, NULL);
  return natural;
}

/* Font sizes, the caption's width and how many lines of the quote fit all follow the window
 * height, so the room sees the same proportions on any projector. */
static void
apply_layout (CaravanPresentation *self)
{
  int width = self->layout_width, height = self->layout_height;
  int text, padding, caption_width, strip_height, spacing, line_height, available;
  g_autoptr(PangoLayout) layout = NULL;

  if (width <= 0 || height <= 0)
    return;

  text = (int) ceil (height / TEXT_HEIGHT_DIVISOR);
  padding = MAX (12, height / 32);
  spacing = text / 2;
  /* Projectors are 4:3 or 16:9; the caption takes a column so it never covers the map's
   * centre, where the map view puts the current place. */
  caption_width = (int) round (width * ((double) width / height < 1.5 ? 0.40 : 0.34));
  strip_height = text * 2;

  set_label_font (self->title_label, (int) round (text * TITLE_SCALE), PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  set_label_font (self->date_label, text, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  set_label_font (self->quote_label, text, PANGO_WEIGHT_NORMAL,
                  gtk_widget_has_css_class (GTK_WIDGET (self->quote_label), "quote")
                    ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  set_label_font (self->progress_label, text, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  set_label_font (self->autoplay_label, text, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);

  gtk_widget_set_size_request (self->caption_box, caption_width, -1);
  gtk_widget_set_margin_top (GTK_WIDGET (self->caption_inner), padding);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->caption_inner), padding);
  gtk_widget_set_margin_start (GTK_WIDGET (self->caption_inner), padding);
  gtk_widget_set_margin_end (GTK_WIDGET (self->caption_inner), padding);
  gtk_box_set_spacing (self->caption_inner, spacing);

  gtk_widget_set_size_request (self->strip_box, -1, strip_height);
  gtk_widget_set_margin_start (GTK_WIDGET (self->progress_label), padding);
  gtk_widget_set_margin_end (GTK_WIDGET (self->progress_label), padding);
  gtk_widget_set_margin_start (GTK_WIDGET (self->autoplay_label), padding);

  /* A long quote ends with an ellipsis rather than running off the screen. */
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->quote_label), "Ag");
  pango_layout_set_attributes (layout, gtk_label_get_attributes (self->quote_label));
  pango_layout_get_pixel_size (layout, NULL, &line_height);
  available = height - strip_height - 2 * padding - 2 * spacing
              - measure_height (GTK_WIDGET (self->title_label), caption_width - 2 * padding)
              - measure_height (GTK_WIDGET (self->date_label), caption_width - 2 * padding);
  gtk_label_set_lines (self->quote_label, MAX (1, available / MAX (line_height, 1)));
  gtk_label_set_lines (self->title_label, MAX_TITLE_LINES);
}

static gboolean
on_layout_idle (gpointer user_data)
{
  CaravanPresentation *self = user_data;

  self->layout_idle = 0;
  apply_layout (self);
  return G_SOURCE_REMOVE;
}

static void
queue_layout (CaravanPresentation *self)
{
  if (self->layout_idle == 0)
    self->layout_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_layout_idle, self, NULL);
}

static void
update_progress (CaravanPresentation *self)
{
  g_autofree char *text = NULL;

  if (self->typed_step->len > 0)
    /* Translators: shown while the presenter types a step number, before Enter */
    text = g_strdup_printf (_("Go to %s"), self->typed_step->str);
  else
    {
      guint step = caravan_presentation_get_step (self);

      /* Translators: the presentation's position, e.g. “5 / 14” */
      text = g_strdup_printf (_("%u / %u"), step == G_MAXUINT ? 0 : step + 1,
                              caravan_presentation_get_n_steps (self));
    }
  gtk_label_set_text (self->progress_label, text);
}

static void
update_autoplay_label (CaravanPresentation *self)
{
  g_autofree char *text = NULL;

  if (self->autoplay)
    /* Translators: autoplay is on; %g is the number of seconds per step */
    text = g_strdup_printf (_("▶ Playing, %g s"), self->seconds_per_step);
  else if (self->autoplay_used)
    text = g_strdup (_("⏸ Paused"));

  gtk_label_set_text (self->autoplay_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->autoplay_label), text != NULL);
}

/* Title, date and place, and the linked excerpt (or the description): plain text only. */
static void
update_caption (CaravanPresentation *self)
{
  CaravanStory *story = get_story (self);
  CaravanEvent *event = self->selection ? caravan_selection_get_event (self->selection) : NULL;
  CaravanPlace *place = event ? caravan_event_get_first_place (event) : NULL;
  g_autoptr(GListModel) excerpts = NULL;
  g_autofree char *date = NULL;
  g_autofree char *date_line = NULL;
  g_autofree char *quote = NULL;

  if (event == NULL || story == NULL)
    {
      gtk_label_set_text (self->title_label, story ? caravan_story_get_title (story) : "");
      gtk_label_set_text (self->date_label, story ? caravan_story_get_subtitle (story) : "");
      gtk_label_set_text (self->quote_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->quote_label), FALSE);
      queue_layout (self);
      return;
    }

  date = caravan_event_format_date (event);
  if (place != NULL)
    /* Translators: the caption's second line, “date · place”, e.g. “10 December 1997 · Akmola” */
    date_line = g_strdup_printf (_("%s · %s"), date,
                                 caravan_place_get_name_at (place, caravan_event_get_date (event), NULL));
  else
    date_line = g_steal_pointer (&date);

  excerpts = caravan_story_list_excerpts_of_event (story, event);
  if (g_list_model_get_n_items (excerpts) > 0)
    {
      g_autoptr(CaravanExcerpt) excerpt = g_list_model_get_item (excerpts, 0);

      /* Translators: a quotation from an article */
      quote = g_strdup_printf (_("“%s”"), caravan_excerpt_get_text (excerpt));
      gtk_widget_add_css_class (GTK_WIDGET (self->quote_label), "quote");
    }
  else
    {
      quote = g_strdup (caravan_event_get_description (event));
      gtk_widget_remove_css_class (GTK_WIDGET (self->quote_label), "quote");
    }

  gtk_label_set_text (self->title_label, caravan_event_get_title (event));
  gtk_label_set_text (self->date_label, date_line);
  gtk_label_set_text (self->quote_label, quote ? quote : "");
  gtk_widget_set_visible (GTK_WIDGET (self->quote_label), quote != NULL && *quote != '\0');
  queue_layout (self);
}

static gboolean
on_autoplay_timeout (gpointer user_data)
{
  CaravanPresentation *self = user_data;

  self->autoplay_timeout = 0;
  if (!caravan_selection_next_event (self->selection))
    {
      if (self->loop)
        caravan_selection_first (self->selection);
      else
        caravan_presentation_set_autoplay (self, FALSE);
    }
  return G_SOURCE_REMOVE;
}

static void
restart_autoplay_timer (CaravanPresentation *self)
{
  g_clear_handle_id (&self->autoplay_timeout, g_source_remove);
  if (self->autoplay && gtk_widget_get_visible (GTK_WIDGET (self)))
    self->autoplay_timeout = g_timeout_add ((guint) (self->seconds_per_step * 1000),
                                            on_autoplay_timeout, self);
}

static void
on_selection_event_changed (CaravanSelection    *selection,
                            GParamSpec          *pspec,
                            CaravanPresentation *self)
{
  update_caption (self);
  update_progress (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->strip));
  restart_autoplay_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

/* The strip: one dot per step, the steps shown so far filled, the current one larger. */
static void
draw_strip (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  CaravanPresentation *self = user_data;
  guint n = caravan_presentation_get_n_steps (self);
  guint step = caravan_presentation_get_step (self);
  double radius = MAX (3.0, height / 8.0);
  double left = radius * 2, right = width - radius * 2, y = height / 2.0;

  if (n == 0 || right <= left)
    return;

  cairo_set_line_width (cr, MAX (2.0, radius / 2));
  cairo_set_source_rgb (cr, 0.45, 0.47, 0.50);
  cairo_move_to (cr, left, y);
  cairo_line_to (cr, right, y);
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      double x = n > 1 ? left + (right - left) * i / (n - 1) : (left + right) / 2;

      if (step != G_MAXUINT && i == step)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, radius * 0.7, 0, 2 * G_PI);
      if (step != G_MAXUINT && i < step)
        cairo_set_source_rgb (cr, 0.93, 0.94, 0.95);
      else
        cairo_set_source_rgb (cr, 0.30, 0.32, 0.35);
      cairo_fill (cr);
    }

  if (step != G_MAXUINT)
    {
      double x = n > 1 ? left + (right - left) * step / (n - 1) : (left + right) / 2;

      cairo_arc (cr, x, y, radius * 1.5, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1.0, 0.64, 0.28);
      cairo_fill (cr);
    }
}

static void
jump_to_typed_step (CaravanPresentation *self)
{
  guint64 number = 0;

  if (g_ascii_string_to_unsigned (self->typed_step->str, 10, 1, G_MAXUINT, &number, NULL))
    caravan_presentation_go_to_step (self, (guint) MIN (number, caravan_presentation_get_n_steps (self)) - 1);
  g_string_truncate (self->typed_step, 0);
  update_progress (self);
}

/* One table for every presentation key; clickers send Page Up/Down, B or period. Runs in the
 * capture phase so the map's own arrow-key panning never sees these keys. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CaravanPresentation   *self)
{
  guint digit = gdk_keyval_to_unicode (keyval);

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  /* Any key brings the picture back; that key does nothing else. */
  if (self->blank != CARAVAN_PRESENTATION_BLANK_NONE)
    {
      if (keyval == GDK_KEY_Shift_L || keyval == GDK_KEY_Shift_R)
        return FALSE;
      caravan_presentation_set_blank (self, CARAVAN_PRESENTATION_BLANK_NONE);
      return TRUE;
    }

  if (digit >= '0' && digit <= '9')
    {
      if (self->typed_step->len < MAX_TYPED_DIGITS)
        g_string_append_c (self->typed_step, (char) digit);
      update_progress (self);
      return TRUE;
    }

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (self->typed_step->len > 0)
        {
          jump_to_typed_step (self);
          return TRUE;
        }
      G_GNUC_FALLTHROUGH;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space:
      gtk_widget_activate_action (GTK_WIDGET (self), "presentation.next", NULL);
      return TRUE;
    case GDK_KEY_BackSpace:
      if (self->typed_step->len > 0)
        {
          g_string_truncate (self->typed_step, self->typed_step->len - 1);
          update_progress (self);
          return TRUE;
        }
      G_GNUC_FALLTHROUGH;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      gtk_widget_activate_action (GTK_WIDGET (self), "presentation.previous", NULL);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      gtk_widget_activate_action (GTK_WIDGET (self), "presentation.first", NULL);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      gtk_widget_activate_action (GTK_WIDGET (self), "presentation.last", NULL);
      return TRUE;
    case GDK_KEY_b:
    case GDK_KEY_B:
    case GDK_KEY_period:
    case GDK_KEY_KP_Decimal:
      gtk_widget_activate_action (GTK_WIDGET (self), "presentation.blank", "s", "black");
      return TRUE;
    case GDK_KEY_w:
    case GDK_KEY_W:
      gtk_widget_activate_action (GTK_WIDGET (self), "presentation.blank", "s", "white");
      return TRUE;
    case GDK_KEY_p:
    case GDK_KEY_P:
      gtk_widget_activate_action (GTK_WIDGET (self), "presentation.toggle-autoplay", NULL);
      return TRUE;
    case GDK_KEY_l:
    case GDK_KEY_L:
      gtk_widget_activate_action (GTK_WIDGET (self), "presentation.toggle-loop", NULL);
      return TRUE;
    case GDK_KEY_t:
    case GDK_KEY_T:
      gtk_widget_activate_action (GTK_WIDGET (self), "presentation.cycle-theme", NULL);
      return TRUE;
    case GDK_KEY_Escape:
      if (self->typed_step->len > 0)
        {
          g_string_truncate (self->typed_step, 0);
          update_progress (self);
          return TRUE;
        }
      gtk_widget_activate_action (GTK_WIDGET (self), "presentation.leave", NULL);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
add_key_controller (CaravanPresentation *self,
                    GtkWidget           *window)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (window, controller);
}

static GdkMonitor *
find_other_monitor (GdkMonitor *monitor)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_monitor_get_display (monitor));

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) other = g_list_model_get_item (monitors, i);

      if (other != monitor)
        return other;
    }
  return NULL;
}

static GtkWidget *
find_marker_layer (GtkWidget *widget)
{
  if (SHUMATE_IS_MARKER_LAYER (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_marker_layer (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* libshumate 1.0.3 shows a pin that comes back into view without allocating it again when
 * its old bounds happen to match (GTK warns "snapshot ShumateMarker without a current
 * allocation"): allocate the pins again whenever the view moves. */
static void
on_viewport_changed (ShumateViewport     *viewport,
                     GParamSpec          *pspec,
                     CaravanPresentation *self)
{
  GtkWidget *layer = find_marker_layer (GTK_WIDGET (self->map_view));

  if (layer != NULL)
    gtk_widget_queue_allocate (layer);
}

static void
on_scale_factor_changed (GObject             *object,
                         GParamSpec          *pspec,
                         CaravanPresentation *self)
{
  caravan_map_source_set_scale_factor (self->map_source,
                                       MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self))));
}

static void
caravan_presentation_next_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  caravan_selection_next_event (CARAVAN_PRESENTATION (widget)->selection);
}

static void
caravan_presentation_previous_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  caravan_selection_previous_event (CARAVAN_PRESENTATION (widget)->selection);
}

static void
caravan_presentation_first_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  caravan_selection_first (CARAVAN_PRESENTATION (widget)->selection);
}

static void
caravan_presentation_last_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  caravan_selection_last (CARAVAN_PRESENTATION (widget)->selection);
}

static void
caravan_presentation_blank_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  const char *colour = g_variant_get_string (parameter, NULL);

  caravan_presentation_set_blank (CARAVAN_PRESENTATION (widget),
                                  g_str_equal (colour, "white") ? CARAVAN_PRESENTATION_BLANK_WHITE
                                  : g_str_equal (colour, "black") ? CARAVAN_PRESENTATION_BLANK_BLACK
                                  : CARAVAN_PRESENTATION_BLANK_NONE);
}

static void
caravan_presentation_toggle_autoplay_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  CaravanPresentation *self = CARAVAN_PRESENTATION (widget);

  caravan_presentation_set_autoplay (self, !self->autoplay);
}

static void
caravan_presentation_toggle_loop_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  CaravanPresentation *self = CARAVAN_PRESENTATION (widget);

  caravan_presentation_set_loop (self, !self->loop);
}

static void
caravan_presentation_cycle_theme_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  CaravanPresentation *self = CARAVAN_PRESENTATION (widget);

  caravan_presentation_set_theme (self, (caravan_presentation_get_theme (self) + 1) % CARAVAN_MAP_N_THEMES);
}

static void
caravan_presentation_leave_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
caravan_presentation_show (GtkWidget *widget)
{
  CaravanPresentation *self = CARAVAN_PRESENTATION (widget);

  GTK_WIDGET_CLASS (caravan_presentation_parent_class)->show (widget);

  if (self->presenter_view != NULL)
    gtk_window_present (GTK_WINDOW (self->presenter_view));
  restart_autoplay_timer (self);
}

static void
caravan_presentation_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  CaravanPresentation *self = CARAVAN_PRESENTATION (widget);

  GTK_WIDGET_CLASS (caravan_presentation_parent_class)->size_allocate (widget, width, height, baseline);

  /* Sizes can't change during allocation: apply them on the next idle. */
  if (width != self->layout_width || height != self->layout_height)
    {
      self->layout_width = width;
      self->layout_height = height;
      queue_layout (self);
    }
}

static void
caravan_presentation_constructed (GObject *object)
{
  CaravanPresentation *self = CARAVAN_PRESENTATION (object);

  G_OBJECT_CLASS (caravan_presentation_parent_class)->constructed (object);

  caravan_map_view_set_map_source (self->map_view, SHUMATE_MAP_SOURCE (self->map_source));
  caravan_map_view_set_selection (self->map_view, self->selection);
  g_signal_connect_object (caravan_map_view_get_viewport (self->map_view), "notify",
                           G_CALLBACK (on_viewport_changed), self, G_CONNECT_AFTER);
  g_signal_group_set_target (self->selection_signals, self->selection);
  update_caption (self);
  update_progress (self);
}

static void
caravan_presentation_dispose (GObject *object)
{
  CaravanPresentation *self = CARAVAN_PRESENTATION (object);

  g_clear_handle_id (&self->autoplay_timeout, g_source_remove);
  g_clear_handle_id (&self->layout_idle, g_source_remove);
  if (self->presenter_view != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presenter_view));
  g_clear_object (&self->presenter_view);
  if (self->selection_signals != NULL)
    g_signal_group_set_target (self->selection_signals, NULL);
  g_clear_object (&self->selection_signals);

  gtk_widget_dispose_template (GTK_WIDGET (self), CARAVAN_TYPE_PRESENTATION);

  g_clear_object (&self->selection);
  g_clear_object (&self->map_source);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (caravan_presentation_parent_class)->dispose (object);
}

static void
caravan_presentation_finalize (GObject *object)
{
  CaravanPresentation *self = CARAVAN_PRESENTATION (object);

  g_string_free (self->typed_step, TRUE);

  G_OBJECT_CLASS (caravan_presentation_parent_class)->finalize (object);
}

static void
caravan_presentation_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CaravanPresentation *self = CARAVAN_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_STEP:
      g_value_set_uint (value, caravan_presentation_get_step (self));
      break;
    case PROP_BLANK:
      g_value_set_int (value, self->blank);
      break;
    case PROP_THEME:
      g_value_set_enum (value, caravan_presentation_get_theme (self));
      break;
    case PROP_AUTOPLAY:
      g_value_set_boolean (value, self->autoplay);
      break;
    case PROP_SECONDS_PER_STEP:
      g_value_set_double (value, self->seconds_per_step);
      break;
    case PROP_LOOP:
      g_value_set_boolean (value, self->loop);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_presentation_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CaravanPresentation *self = CARAVAN_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      self->selection = g_value_dup_object (value);
      break;
    case PROP_BLANK:
      caravan_presentation_set_blank (self, g_value_get_int (value));
      break;
    case PROP_THEME:
      caravan_presentation_set_theme (self, g_value_get_enum (value));
      break;
    case PROP_AUTOPLAY:
      caravan_presentation_set_autoplay (self, g_value_get_boolean (value));
      break;
    case PROP_SECONDS_PER_STEP:
      caravan_presentation_set_seconds_per_step (self, g_value_get_double (value));
      break;
    case PROP_LOOP:
      caravan_presentation_set_loop (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_presentation_class_init (CaravanPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = caravan_presentation_constructed;
  object_class->dispose = caravan_presentation_dispose;
  object_class->finalize = caravan_presentation_finalize;
  object_class->get_property = caravan_presentation_get_property;
  object_class->set_property = caravan_presentation_set_property;
  widget_class->show = caravan_presentation_show;
  widget_class->size_allocate = caravan_presentation_size_allocate;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, CARAVAN_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] =
    g_param_spec_uint ("step", NULL, NULL, 0, G_MAXUINT, G_MAXUINT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLANK] =
    g_param_spec_int ("blank", NULL, NULL, CARAVAN_PRESENTATION_BLANK_NONE,
                      CARAVAN_PRESENTATION_BLANK_WHITE, CARAVAN_PRESENTATION_BLANK_NONE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_THEME] =
    g_param_spec_enum ("theme", NULL, NULL, CARAVAN_TYPE_MAP_THEME, CARAVAN_MAP_THEME_PROJECTOR,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTOPLAY] =
    g_param_spec_boolean ("autoplay", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECONDS_PER_STEP] =
    g_param_spec_double ("seconds-per-step", NULL, NULL, 0.05, 3600, DEFAULT_SECONDS_PER_STEP,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOOP] =
    g_param_spec_boolean ("loop", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CARAVAN_TYPE_MAP_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/caravan-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, CaravanPresentation, map_view);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresentation, caption_box);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresentation, caption_inner);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresentation, title_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresentation, date_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresentation, quote_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresentation, strip_box);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresentation, strip);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresentation, autoplay_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresentation, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresentation, blank_box);

  /* The keys are handled in on_key_pressed (capture phase, before the map pans); the shortcuts
   * window lists them under "Presentation". */
  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, caravan_presentation_next_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL,
                                   caravan_presentation_previous_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, caravan_presentation_first_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, caravan_presentation_last_action);
  gtk_widget_class_install_action (widget_class, "presentation.blank", "s", caravan_presentation_blank_action);
  gtk_widget_class_install_action (widget_class, "presentation.toggle-autoplay", NULL,
                                   caravan_presentation_toggle_autoplay_action);
  gtk_widget_class_install_action (widget_class, "presentation.toggle-loop", NULL,
                                   caravan_presentation_toggle_loop_action);
  gtk_widget_class_install_action (widget_class, "presentation.cycle-theme", NULL,
                                   caravan_presentation_cycle_theme_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL,
                                   caravan_presentation_leave_action);
}

static void
caravan_presentation_init (CaravanPresentation *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->typed_step = g_string_new (NULL);
  self->seconds_per_step = DEFAULT_SECONDS_PER_STEP;
  self->map_source = caravan_map_source_new (CARAVAN_MAP_THEME_PROJECTOR, 1);

  self->selection_signals = g_signal_group_new (CARAVAN_TYPE_SELECTION);
  g_signal_group_connect_object (self->selection_signals, "notify::event",
                                 G_CALLBACK (on_selection_event_changed), self, 0);
  g_signal_group_connect_object (self->selection_signals, "notify::story",
                                 G_CALLBACK (on_selection_event_changed), self, 0);

  gtk_drawing_area_set_draw_func (self->strip, draw_strip, self, NULL);
  add_key_controller (self, GTK_WIDGET (self));
  g_signal_connect_object (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed), self, 0);
  update_autoplay_label (self);
}

CaravanPresentation *
caravan_presentation_new (CaravanSelection *selection,
                          GdkMonitor       *monitor)
{
  CaravanPresentation *self;

  g_return_val_if_fail (CARAVAN_IS_SELECTION (selection), NULL);
  g_return_val_if_fail (monitor == NULL || GDK_IS_MONITOR (monitor), NULL);

  self = g_object_new (CARAVAN_TYPE_PRESENTATION, "selection", selection, NULL);

  if (monitor != NULL)
    {
      GdkRectangle geometry;
      GdkMonitor *other = find_other_monitor (monitor);

      self->monitor = g_object_ref (monitor);
      gdk_monitor_get_geometry (monitor, &geometry);
      /* Without a window manager fullscreen does nothing: the size still fits the screen. */
      gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
      caravan_map_source_set_scale_factor (self->map_source, MAX (1, gdk_monitor_get_scale_factor (monitor)));

      if (other != NULL)
        {
          self->presenter_view = g_object_ref_sink (caravan_presenter_view_new (selection));
          add_key_controller (self, GTK_WIDGET (self->presenter_view));
          gtk_window_fullscreen_on_monitor (GTK_WINDOW (self->presenter_view), other);
        }
    }

  /* Every view shows the current event again, so our new map flies to it. */
  g_object_notify (G_OBJECT (selection), "event");

  return self;
}

CaravanSelection *
caravan_presentation_get_selection (CaravanPresentation *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), NULL);

  return self->selection;
}

CaravanMapView *
caravan_presentation_get_map_view (CaravanPresentation *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), NULL);

  return self->map_view;
}

CaravanPresenterView *
caravan_presentation_get_presenter_view (CaravanPresentation *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), NULL);

  return self->presenter_view;
}

guint
caravan_presentation_get_step (CaravanPresentation *self)
{
  CaravanStory *story;
  CaravanEvent *event;

  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), G_MAXUINT);

  story = get_story (self);
  event = self->selection ? caravan_selection_get_event (self->selection) : NULL;
  return story && event ? caravan_story_get_event_index (story, event) : G_MAXUINT;
}

guint
caravan_presentation_get_n_steps (CaravanPresentation *self)
{
  CaravanStory *story;

  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), 0);

  story = get_story (self);
  return story ? g_list_model_get_n_items (caravan_story_get_events (story)) : 0;
}

/* Selects the event of @step (from 0); FALSE when there is no such step. */
gboolean
caravan_presentation_go_to_step (CaravanPresentation *self,
                                 guint                step)
{
  g_autoptr(CaravanEvent) event = NULL;
  CaravanStory *story;

  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), FALSE);

  story = get_story (self);
  if (story == NULL || step >= caravan_presentation_get_n_steps (self))
    return FALSE;

  event = g_list_model_get_item (caravan_story_get_events (story), step);
  caravan_selection_select_event (self->selection, event);
  return TRUE;
}

CaravanPresentationBlank
caravan_presentation_get_blank (CaravanPresentation *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), CARAVAN_PRESENTATION_BLANK_NONE);

  return self->blank;
}

/* Blanks the screen to black or white (a pause in the talk), or shows the map again. */
void
caravan_presentation_set_blank (CaravanPresentation      *self,
                                CaravanPresentationBlank  blank)
{
  g_return_if_fail (CARAVAN_IS_PRESENTATION (self));

  if (self->blank == blank)
    return;

  self->blank = blank;
  gtk_widget_set_visible (self->blank_box, blank != CARAVAN_PRESENTATION_BLANK_NONE);
  if (blank == CARAVAN_PRESENTATION_BLANK_WHITE)
    {
      gtk_widget_remove_css_class (self->blank_box, "black");
      gtk_widget_add_css_class (self->blank_box, "white");
    }
  else
    {
      gtk_widget_remove_css_class (self->blank_box, "white");
      gtk_widget_add_css_class (self->blank_box, "black");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLANK]);
}

CaravanMapTheme
caravan_presentation_get_theme (CaravanPresentation *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), CARAVAN_MAP_THEME_PROJECTOR);

  return caravan_map_source_get_theme (self->map_source);
}

void
caravan_presentation_set_theme (CaravanPresentation *self,
                                CaravanMapTheme      theme)
{
  g_return_if_fail (CARAVAN_IS_PRESENTATION (self));
  g_return_if_fail (theme < CARAVAN_MAP_N_THEMES);

  if (caravan_map_source_get_theme (self->map_source) == theme)
    return;

  caravan_map_source_set_theme (self->map_source, theme);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME]);
}

gboolean
caravan_presentation_get_autoplay (CaravanPresentation *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), FALSE);

  return self->autoplay;
}

/* Steps forward every seconds-per-step; at the end it stops, or starts again with loop. */
void
caravan_presentation_set_autoplay (CaravanPresentation *self,
                                   gboolean             autoplay)
{
  g_return_if_fail (CARAVAN_IS_PRESENTATION (self));

  autoplay = !!autoplay;
  if (self->autoplay == autoplay)
    return;

  self->autoplay = autoplay;
  self->autoplay_used = TRUE;
  restart_autoplay_timer (self);
  update_autoplay_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOPLAY]);
}

double
caravan_presentation_get_seconds_per_step (CaravanPresentation *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), DEFAULT_SECONDS_PER_STEP);

  return self->seconds_per_step;
}

void
caravan_presentation_set_seconds_per_step (CaravanPresentation *self,
                                           double               seconds)
{
  g_return_if_fail (CARAVAN_IS_PRESENTATION (self));
  g_return_if_fail (seconds > 0);

  if (self->seconds_per_step == seconds)
    return;

  self->seconds_per_step = seconds;
  restart_autoplay_timer (self);
  update_autoplay_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS_PER_STEP]);
}

gboolean
caravan_presentation_get_loop (CaravanPresentation *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), FALSE);

  return self->loop;
}

void
caravan_presentation_set_loop (CaravanPresentation *self,
                               gboolean             loop)
{
  g_return_if_fail (CARAVAN_IS_PRESENTATION (self));

  loop = !!loop;
  if (self->loop == loop)
    return;

  self->loop = loop;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOP]);
}

gboolean
caravan_presentation_get_caption_bounds (CaravanPresentation *self,
                                         graphene_rect_t     *out_bounds)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), FALSE);
  g_return_val_if_fail (out_bounds != NULL, FALSE);

  return gtk_widget_compute_bounds (self->caption_box, GTK_WIDGET (self), out_bounds);
}
