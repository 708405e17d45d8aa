/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-presenter-view.c: the presenter's window on the laptop screen while the projector
 * shows the presentation: a live picture of what the room sees, the next step's map and title,
 * speaker notes, time against a target length, and the steps to jump to. */

#define G_LOG_DOMAIN "caravan-presenter-view"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-event.h"
#include "caravan-place.h"
#include "caravan-presentation.h"
#include "caravan-presenter-view.h"
#include "caravan-selection.h"
#include "caravan-step-map.h"
#include "caravan-story.h"

struct _CaravanPresenterView
{
  AdwWindow         parent_instance;

  CaravanSelection *selection;
  GSignalGroup     *selection_signals;
  GtkWidget        *audience;        /* the presentation window the room sees */
  GSignalGroup     *audience_signals;
  gint64            started_us;      /* monotonic */
  guint             clock_timeout;
  gboolean          filling_steps;

  /* template children */
  GtkLabel         *clock_label;
  GtkLabel         *elapsed_label;
  GtkLabel         *remaining_label;
  GtkLevelBar      *time_bar;
  GtkAdjustment    *target_adjustment;
  GtkLabel         *progress_label;
  GtkLabel         *audience_state_label;
  GtkPicture       *audience_picture;
  GtkLabel         *current_title_label;
  GtkLabel         *current_date_label;
  GtkLabel         *notes_label;
  CaravanStepMap   *next_map;
  GtkLabel         *next_title_label;
  GtkListBox       *steps_list;
  GtkScrolledWindow *steps_scroller;
  guint             scroll_idle;
};

G_DEFINE_FINAL_TYPE (CaravanPresenterView, caravan_presenter_view, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SELECTION,
  PROP_AUDIENCE,
  PROP_TARGET_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_duration (gint64 seconds)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", seconds / 3600,
                          (int) (seconds / 60 % 60), (int) (seconds % 60));
}

static void
update_clock (CaravanPresenterView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *clock = g_date_time_format (now, "%H:%M");
  gint64 seconds = caravan_presenter_view_get_elapsed (self);
  gint64 target = (gint64) (gtk_adjustment_get_value (self->target_adjustment) * 60);
  g_autofree char *elapsed = format_duration (seconds);
  g_autofree char *left = format_duration (ABS (target - seconds));
  g_autofree char *of = format_duration (target);
  g_autofree char *remaining = NULL;

  if (seconds <= target)
    /* Translators: time left of the talk's target length, e.g. “0:12:30 left of 0:20:00” */
    remaining = g_strdup_printf (_("%s left of %s"), left, of);
  else
    /* Translators: the talk runs longer than its target length, e.g. “0:02:10 over 0:20:00” */
    remaining = g_strdup_printf (_("%s over %s"), left, of);

  gtk_label_set_text (self->clock_label, clock);
  gtk_label_set_text (self->elapsed_label, elapsed);
  gtk_label_set_text (self->remaining_label, remaining);
  if (seconds > target)
    gtk_widget_add_css_class (GTK_WIDGET (self->remaining_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->remaining_label), "error");
  gtk_level_bar_set_value (self->time_bar, target > 0 ? MIN (1.0, (double) seconds / target) : 1.0);
}

static gboolean
on_clock_timeout (gpointer user_data)
{
  update_clock (user_data);
  return G_SOURCE_CONTINUE;
}

/* One row per step: its number and title, named for screen readers. */
static GtkWidget *
create_step_row (CaravanEvent *event,
                 guint         index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  g_autofree char *name = NULL;
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *title_label = gtk_label_new (caravan_event_get_title (event));

  gtk_widget_add_css_class (number_label, "numeric");
  gtk_widget_add_css_class (number_label, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (number_label), 3);
  gtk_label_set_xalign (GTK_LABEL (number_label), 1);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: a row of the presenter's step list, e.g. “Step 5: Xi visits Kazakhstan” */
  name = g_strdup_printf (_("Step %u: %s"), index + 1, caravan_event_get_title (event));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static void
fill_steps (CaravanPresenterView *self)
{
  CaravanStory *story = self->selection ? caravan_selection_get_story (self->selection) : NULL;
  GListModel *events = story ? caravan_story_get_events (story) : NULL;
  GtkWidget *child;

  self->filling_steps = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list))) != NULL)
    gtk_list_box_remove (self->steps_list, child);
  for (guint i = 0; events != NULL && i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(CaravanEvent) event = g_list_model_get_item (events, i);

      gtk_list_box_append (self->steps_list, create_step_row (event, i));
    }
  self->filling_steps = FALSE;
}

/* Keeps the current step in the middle of the list, once the rows have their places. */
static gboolean
on_scroll_idle (gpointer user_data)
{
  CaravanPresenterView *self = user_data;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->steps_list);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->steps_scroller);
  graphene_rect_t bounds;

  self->scroll_idle = 0;
  if (row != NULL
      && gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->steps_list), &bounds))
    {
      double centre = bounds.origin.y + bounds.size.height / 2;
      double half_page = gtk_adjustment_get_page_size (adjustment) / 2;

      gtk_adjustment_clamp_page (adjustment, centre - half_page, centre + half_page);
    }
  return G_SOURCE_REMOVE;
}

static void
update_event (CaravanPresenterView *self)
{
  CaravanStory *story = self->selection ? caravan_selection_get_story (self->selection) : NULL;
  CaravanEvent *event = self->selection ? caravan_selection_get_event (self->selection) : NULL;
  GListModel *events = story ? caravan_story_get_events (story) : NULL;
  guint n = events ? g_list_model_get_n_items (events) : 0;
  guint index = story && event ? caravan_story_get_event_index (story, event) : G_MAXUINT;
  g_autoptr(CaravanEvent) next = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *date = NULL;
  GtkListBoxRow *row;
  const char *notes;

  if (index != G_MAXUINT && index + 1 < n)
    next = g_list_model_get_item (events, index + 1);
  else if (index == G_MAXUINT && n > 0)
    next = g_list_model_get_item (events, 0);

  /* Translators: the presentation's position, e.g. “5 / 14” */
  progress = g_strdup_printf (_("%u / %u"), index == G_MAXUINT ? 0 : index + 1, n);
  gtk_label_set_text (self->progress_label, progress);

  date = event ? caravan_event_format_date_and_place (event) : NULL;
  gtk_label_set_text (self->current_title_label,
                      event ? caravan_event_get_title (event)
                            : story ? caravan_story_get_title (story) : "");
  gtk_label_set_text (self->current_date_label, date ? date : "");

  notes = event ? caravan_event_get_notes (event) : NULL;
  gtk_label_set_text (self->notes_label,
                      notes && *notes ? notes : _("No speaker notes for this event."));
  if (notes && *notes)
    gtk_widget_remove_css_class (GTK_WIDGET (self->notes_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->notes_label), "dim-label");

  caravan_step_map_set_event (self->next_map, next);
  gtk_widget_set_visible (GTK_WIDGET (self->next_map), caravan_step_map_has_map (self->next_map));
  gtk_label_set_text (self->next_title_label,
                      next ? caravan_event_get_title (next) : _("End of the story"));

  self->filling_steps = TRUE;
  row = index != G_MAXUINT ? gtk_list_box_get_row_at_index (self->steps_list, (int) index) : NULL;
  if (row != NULL)
    {
      gtk_list_box_select_row (self->steps_list, row);
      if (self->scroll_idle == 0)
        self->scroll_idle = g_idle_add_full (G_PRIORITY_LOW, on_scroll_idle, self, NULL);
    }
  else
    gtk_list_box_unselect_all (self->steps_list);
  self->filling_steps = FALSE;
}

static void
update_audience_state (CaravanPresenterView *self)
{
  CaravanPresentationBlank blank = CARAVAN_PRESENTATION_BLANK_NONE;

  if (CARAVAN_IS_PRESENTATION (self->audience))
    blank = caravan_presentation_get_blank (CARAVAN_PRESENTATION (self->audience));

  gtk_label_set_text (self->audience_state_label,
                      blank == CARAVAN_PRESENTATION_BLANK_BLACK ? _("Blanked to black")
                      : blank == CARAVAN_PRESENTATION_BLANK_WHITE ? _("Blanked to white")
                      : "");
  gtk_widget_set_visible (GTK_WIDGET (self->audience_state_label),
                          blank != CARAVAN_PRESENTATION_BLANK_NONE);
}

static void
on_selection_changed (CaravanSelection     *selection,
                      GParamSpec           *pspec,
                      CaravanPresenterView *self)
{
  update_event (self);
}

static void
on_selection_story_changed (CaravanSelection     *selection,
                            GParamSpec           *pspec,
                            CaravanPresenterView *self)
{
  fill_steps (self);
  update_event (self);
}

static void
on_audience_blank_changed (GObject              *audience,
                           GParamSpec           *pspec,
                           CaravanPresenterView *self)
{
  update_audience_state (self);
}

/* A step picked in the list: user input goes to the selection, which both windows follow. */
static void
on_steps_list_row_activated (GtkListBox           *list,
                             GtkListBoxRow        *row,
                             CaravanPresenterView *self)
{
  CaravanStory *story = self->selection ? caravan_selection_get_story (self->selection) : NULL;
  g_autoptr(CaravanEvent) event = NULL;

  if (self->filling_steps || story == NULL)
    return;
  event = g_list_model_get_item (caravan_story_get_events (story),
                                 (guint) gtk_list_box_row_get_index (row));
  if (event != NULL)
    caravan_selection_select_event (self->selection, event);
}

static void
on_target_changed (GtkAdjustment        *adjustment,
                   CaravanPresenterView *self)
{
  update_clock (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_MINUTES]);
}

static void
caravan_presenter_view_restart_timer_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  caravan_presenter_view_reset_timer (CARAVAN_PRESENTER_VIEW (widget));
}

static void
caravan_presenter_view_dispose (GObject *object)
{
  CaravanPresenterView *self = CARAVAN_PRESENTER_VIEW (object);

  g_clear_handle_id (&self->clock_timeout, g_source_remove);
  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  if (self->selection_signals != NULL)
    g_signal_group_set_target (self->selection_signals, NULL);
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->selection);
  if (self->audience_signals != NULL)
    g_signal_group_set_target (self->audience_signals, NULL);
  g_clear_object (&self->audience_signals);
  g_clear_object (&self->audience);

  gtk_widget_dispose_template (GTK_WIDGET (self), CARAVAN_TYPE_PRESENTER_VIEW);

  G_OBJECT_CLASS (caravan_presenter_view_parent_class)->dispose (object);
}

static void
caravan_presenter_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CaravanPresenterView *self = CARAVAN_PRESENTER_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_AUDIENCE:
      g_value_set_object (value, self->audience);
      break;
    case PROP_TARGET_MINUTES:
      g_value_set_double (value, caravan_presenter_view_get_target_minutes (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_presenter_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CaravanPresenterView *self = CARAVAN_PRESENTER_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      /* Construct-only: both windows follow one selection for their whole life. */
      self->selection = g_value_dup_object (value);
      g_signal_group_set_target (self->selection_signals, self->selection);
      fill_steps (self);
      update_event (self);
      break;
    case PROP_AUDIENCE:
      caravan_presenter_view_set_audience (self, g_value_get_object (value));
      break;
    case PROP_TARGET_MINUTES:
      caravan_presenter_view_set_target_minutes (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_presenter_view_class_init (CaravanPresenterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caravan_presenter_view_dispose;
  object_class->get_property = caravan_presenter_view_get_property;
  object_class->set_property = caravan_presenter_view_set_property;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, CARAVAN_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUDIENCE] =
    g_param_spec_object ("audience", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET_MINUTES] =
    g_param_spec_double ("target-minutes", NULL, NULL, 1, 240, 20,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CARAVAN_TYPE_STEP_MAP);
  gtk_widget_class_install_action (widget_class, "presenter.restart-timer", NULL,
                                   caravan_presenter_view_restart_timer_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/caravan-presenter-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, clock_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, elapsed_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, current_title_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, current_date_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, notes_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, next_title_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, remaining_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, time_bar);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, target_adjustment);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, audience_state_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, audience_picture);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, next_map);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, steps_list);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, steps_scroller);
  gtk_widget_class_bind_template_callback (widget_class, on_steps_list_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_target_changed);
}

static void
caravan_presenter_view_init (CaravanPresenterView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection_signals = g_signal_group_new (CARAVAN_TYPE_SELECTION);
  g_signal_group_connect_object (self->selection_signals, "notify::event",
                                 G_CALLBACK (on_selection_changed), self, 0);
  g_signal_group_connect_object (self->selection_signals, "notify::story",
                                 G_CALLBACK (on_selection_story_changed), self, 0);
  self->audience_signals = g_signal_group_new (GTK_TYPE_WIDGET);
  g_signal_group_connect_object (self->audience_signals, "notify::blank",
                                 G_CALLBACK (on_audience_blank_changed), self, 0);
  update_audience_state (self);

  self->started_us = g_get_monotonic_time ();
  self->clock_timeout = g_timeout_add_seconds (1, on_clock_timeout, self);
  update_clock (self);
}

CaravanPresenterView *
caravan_presenter_view_new (CaravanSelection *selection)
{
  g_return_val_if_fail (CARAVAN_IS_SELECTION (selection), NULL);

  return g_object_new (CARAVAN_TYPE_PRESENTER_VIEW, "selection", selection, NULL);
}

CaravanSelection *
caravan_presenter_view_get_selection (CaravanPresenterView *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTER_VIEW (self), NULL);

  return self->selection;
}

void
caravan_presenter_view_reset_timer (CaravanPresenterView *self)
{
  g_return_if_fail (CARAVAN_IS_PRESENTER_VIEW (self));

  self->started_us = g_get_monotonic_time ();
  update_clock (self);
}

gint64
caravan_presenter_view_get_elapsed (CaravanPresenterView *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTER_VIEW (self), 0);

  return (g_get_monotonic_time () - self->started_us) / G_USEC_PER_SEC;
}

GtkWidget *
caravan_presenter_view_get_audience (CaravanPresenterView *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTER_VIEW (self), NULL);

  return self->audience;
}

/* Shows a live picture of @audience (the presentation window), blanked or not. */
void
caravan_presenter_view_set_audience (CaravanPresenterView *self,
                                     GtkWidget            *audience)
{
  g_autoptr(GdkPaintable) paintable = NULL;

  g_return_if_fail (CARAVAN_IS_PRESENTER_VIEW (self));
  g_return_if_fail (audience == NULL || GTK_IS_WIDGET (audience));

  if (!g_set_object (&self->audience, audience))
    return;

  /* The presentation's "blank" property, when the audience is a presentation. */
  g_signal_group_set_target (self->audience_signals,
                             CARAVAN_IS_PRESENTATION (audience) ? audience : NULL);
  if (audience != NULL)
    paintable = gtk_widget_paintable_new (audience);
  gtk_picture_set_paintable (self->audience_picture, paintable);
  update_audience_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIENCE]);
}

double
caravan_presenter_view_get_target_minutes (CaravanPresenterView *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTER_VIEW (self), 0);

  return gtk_adjustment_get_value (self->target_adjustment);
}

/* The talk's planned length; the view shows the time left of it. */
void
caravan_presenter_view_set_target_minutes (CaravanPresenterView *self,
                                           double                minutes)
{
  g_return_if_fail (CARAVAN_IS_PRESENTER_VIEW (self));

  gtk_adjustment_set_value (self->target_adjustment, minutes);
}
