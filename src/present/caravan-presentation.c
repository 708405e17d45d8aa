/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-presentation.c: presentation mode for projectors: a fullscreen map with a large
 * caption, a timeline strip and the step count, driven by clicker keys or autoplay. It steps by
 * moving the main window's CaravanSelection, so every view and the D-Bus actions follow it.
 * This file holds the window, its wiring and steps; keys and playback are in
 * caravan-presentation-keys.c, the caption and strip in caravan-presentation-layout.c. */

#define G_LOG_DOMAIN "caravan-presentation"

#include "config.h"

#include "caravan-event.h"
#include "caravan-presentation-private.h"
#include "caravan-selection.h"
#include "caravan-story.h"

G_DEFINE_FINAL_TYPE (CaravanPresentation, caravan_presentation, ADW_TYPE_WINDOW)

static GParamSpec *properties[N_PROPS];

CaravanStory *
caravan_presentation_get_story (CaravanPresentation *self)
{
  return self->selection ? caravan_selection_get_story (self->selection) : NULL;
}

void
caravan_presentation_notify (CaravanPresentation         *self,
                             CaravanPresentationProperty  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
on_selection_event_changed (CaravanSelection    *selection,
                            GParamSpec          *pspec,
                            CaravanPresentation *self)
{
  caravan_presentation_update_caption (self);
  caravan_presentation_update_progress (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->strip));
  caravan_presentation_restart_autoplay_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
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

/* Once on its monitor, the window's own scale counts. */
static void
on_scale_factor_changed (GObject             *object,
                         GParamSpec          *pspec,
                         CaravanPresentation *self)
{
  caravan_map_view_set_tile_scale (self->map_view,
                                   MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self))));
}

/* GtkWindow's show presents the surface (gdk_toplevel_present maps it on the screen) before it
 * maps the widgets, and its map presents it again. Offscreen, the window is shown, realized and
 * mapped as GtkWidget does it, so that GTK keeps its styles and layout up to date, and the
 * surface is never presented. Nor does the window take the keyboard focus, whose ring would
 * be filmed around the map. */
static void
caravan_presentation_show (GtkWidget *widget)
{
  CaravanPresentation *self = CARAVAN_PRESENTATION (widget);

  if (self->offscreen)
    {
      GTK_WIDGET_CLASS (g_type_class_peek (GTK_TYPE_WIDGET))->show (widget);
      gtk_widget_realize (widget);
      gtk_widget_map (widget);
    }
  else
    GTK_WIDGET_CLASS (caravan_presentation_parent_class)->show (widget);

  if (self->presenter_view != NULL)
    gtk_window_present (GTK_WINDOW (self->presenter_view));
  caravan_presentation_restart_autoplay_timer (self);
}

/* Offscreen, only the widgets map: GtkWindow's map would present the surface. */
static void
caravan_presentation_map (GtkWidget *widget)
{
  CaravanPresentation *self = CARAVAN_PRESENTATION (widget);

  if (self->offscreen)
    GTK_WIDGET_CLASS (g_type_class_peek (GTK_TYPE_WIDGET))->map (widget);
  else
    GTK_WIDGET_CLASS (caravan_presentation_parent_class)->map (widget);
}

static void
caravan_presentation_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  CaravanPresentation *self = CARAVAN_PRESENTATION (widget);

  GTK_WIDGET_CLASS (caravan_presentation_parent_class)->size_allocate (widget, width, height,
                                                                       baseline);

  /* Sizes can't change during allocation: apply them on the next idle. */
  if (width != self->layout_width || height != self->layout_height)
    {
      self->layout_width = width;
      self->layout_height = height;
      caravan_presentation_queue_layout (self);
    }
}

static void
caravan_presentation_constructed (GObject *object)
{
  CaravanPresentation *self = CARAVAN_PRESENTATION (object);

  G_OBJECT_CLASS (caravan_presentation_parent_class)->constructed (object);

  /* As in the main window, the base map leaves the story's places to its pins. */
  caravan_map_view_set_theme (self->map_view, CARAVAN_MAP_THEME_PROJECTOR);
  caravan_map_view_set_selection (self->map_view, self->selection);
  g_signal_group_set_target (self->selection_signals, self->selection);
  caravan_presentation_update_caption (self);
  caravan_presentation_update_progress (self);
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
  widget_class->map = caravan_presentation_map;

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
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/caravan-presentation.ui");
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

  caravan_presentation_install_actions (widget_class);
}

static void
caravan_presentation_init (CaravanPresentation *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->typed_step = g_string_new (NULL);
  self->seconds_per_step = DEFAULT_SECONDS_PER_STEP;

  self->selection_signals = g_signal_group_new (CARAVAN_TYPE_SELECTION);
  g_signal_group_connect_object (self->selection_signals, "notify::event",
                                 G_CALLBACK (on_selection_event_changed), self, 0);
  g_signal_group_connect_object (self->selection_signals, "notify::story",
                                 G_CALLBACK (on_selection_event_changed), self, 0);

  gtk_drawing_area_set_draw_func (self->strip, caravan_presentation_draw_strip, self, NULL);
  caravan_presentation_add_key_controller (self, GTK_WIDGET (self));
  g_signal_connect_object (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed), self,
                           0);
  caravan_presentation_update_autoplay_label (self);
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
      caravan_map_view_set_magnification (self->map_view,
                                          caravan_presentation_magnification_for_height (
                                            geometry.height));
      /* Tiles for the projector's scale from the first frame, before the window is on it. */
      caravan_map_view_set_tile_scale (self->map_view,
                                       MAX (1, gdk_monitor_get_scale_factor (monitor)));

      if (other != NULL)
        {
          self->presenter_view = g_object_ref_sink (caravan_presenter_view_new (selection));
          caravan_presenter_view_set_audience (self->presenter_view, GTK_WIDGET (self));
          caravan_presentation_add_key_controller (self, GTK_WIDGET (self->presenter_view));
          gtk_window_fullscreen_on_monitor (GTK_WINDOW (self->presenter_view), other);
        }
    }

  /* Every view shows the current event again, so our new map flies to it. */
  g_object_notify (G_OBJECT (selection), "event");

  return self;
}

void
caravan_presentation_set_offscreen (CaravanPresentation *self,
                                    gboolean             offscreen)
{
  g_return_if_fail (CARAVAN_IS_PRESENTATION (self));
  g_return_if_fail (!gtk_widget_get_realized (GTK_WIDGET (self)));

  self->offscreen = !!offscreen;
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

  story = caravan_presentation_get_story (self);
  event = self->selection ? caravan_selection_get_event (self->selection) : NULL;
  return story && event ? caravan_story_get_event_index (story, event) : G_MAXUINT;
}

guint
caravan_presentation_get_n_steps (CaravanPresentation *self)
{
  CaravanStory *story;

  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), 0);

  story = caravan_presentation_get_story (self);
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

  story = caravan_presentation_get_story (self);
  if (story == NULL || step >= caravan_presentation_get_n_steps (self))
    return FALSE;

  event = g_list_model_get_item (caravan_story_get_events (story), step);
  caravan_selection_select_event (self->selection, event);
  return TRUE;
}

CaravanMapTheme
caravan_presentation_get_theme (CaravanPresentation *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), CARAVAN_MAP_THEME_PROJECTOR);

  return caravan_map_view_get_theme (self->map_view);
}

void
caravan_presentation_set_theme (CaravanPresentation *self,
                                CaravanMapTheme      theme)
{
  g_return_if_fail (CARAVAN_IS_PRESENTATION (self));
  g_return_if_fail (theme < CARAVAN_MAP_N_THEMES);

  if (caravan_map_view_get_theme (self->map_view) == theme)
    return;

  caravan_map_view_set_theme (self->map_view, theme);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME]);
}

gboolean
caravan_presentation_get_caption_bounds (CaravanPresentation *self,
                                         graphene_rect_t     *out_bounds)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), FALSE);
  g_return_val_if_fail (out_bounds != NULL, FALSE);

  return gtk_widget_compute_bounds (self->caption_box, GTK_WIDGET (self), out_bounds);
}
