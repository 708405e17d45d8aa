/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-presenter-view.c: the presenter's window on the laptop screen while the projector
 * shows the presentation: current and next event, speaker notes, clock and elapsed time. */

#define G_LOG_DOMAIN "caravan-presenter-view"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-event.h"
#include "caravan-place.h"
#include "caravan-presenter-view.h"
#include "caravan-selection.h"
#include "caravan-story.h"

struct _CaravanPresenterView
{
  AdwWindow         parent_instance;

  CaravanSelection *selection;
  GSignalGroup     *selection_signals;
  gint64            started_us;      /* monotonic */
  guint             clock_timeout;

  /* template children */
  GtkLabel         *clock_label;
  GtkLabel         *elapsed_label;
  GtkLabel         *progress_label;
  GtkLabel         *current_title_label;
  GtkLabel         *current_date_label;
  GtkLabel         *notes_label;
  GtkLabel         *next_title_label;
};

G_DEFINE_FINAL_TYPE (CaravanPresenterView, caravan_presenter_view, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_clock (CaravanPresenterView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *clock = g_date_time_format (now, "%H:%M");
  g_autofree char *elapsed = NULL;
  gint64 seconds = caravan_presenter_view_get_elapsed (self);

  elapsed = g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", seconds / 3600,
                             (int) (seconds / 60 % 60), (int) (seconds % 60));
  gtk_label_set_text (self->clock_label, clock);
  gtk_label_set_text (self->elapsed_label, elapsed);
}

static gboolean
on_clock_timeout (gpointer user_data)
{
  update_clock (user_data);
  return G_SOURCE_CONTINUE;
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
  const char *notes;

  if (index != G_MAXUINT && index + 1 < n)
    next = g_list_model_get_item (events, index + 1);

  /* Translators: the presentation's position, e.g. “5 / 14” */
  progress = g_strdup_printf (_("%u / %u"), index == G_MAXUINT ? 0 : index + 1, n);
  gtk_label_set_text (self->progress_label, progress);

  date = event ? caravan_event_format_date (event) : NULL;
  gtk_label_set_text (self->current_title_label, event ? caravan_event_get_title (event) : "");
  gtk_label_set_text (self->current_date_label, date ? date : "");

  notes = event ? caravan_event_get_notes (event) : NULL;
  gtk_label_set_text (self->notes_label, notes && *notes ? notes : _("No speaker notes for this event."));
  if (notes && *notes)
    gtk_widget_remove_css_class (GTK_WIDGET (self->notes_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->notes_label), "dim-label");

  gtk_label_set_text (self->next_title_label,
                      next ? caravan_event_get_title (next) : _("End of the story"));
}

static void
on_selection_changed (CaravanSelection     *selection,
                      GParamSpec           *pspec,
                      CaravanPresenterView *self)
{
  update_event (self);
}

static void
caravan_presenter_view_dispose (GObject *object)
{
  CaravanPresenterView *self = CARAVAN_PRESENTER_VIEW (object);

  g_clear_handle_id (&self->clock_timeout, g_source_remove);
  if (self->selection_signals != NULL)
    g_signal_group_set_target (self->selection_signals, NULL);
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->selection);

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
      update_event (self);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/caravan-presenter-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, clock_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, elapsed_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, current_title_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, current_date_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, notes_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanPresenterView, next_title_label);
}

static void
caravan_presenter_view_init (CaravanPresenterView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection_signals = g_signal_group_new (CARAVAN_TYPE_SELECTION);
  g_signal_group_connect_object (self->selection_signals, "notify::event",
                                 G_CALLBACK (on_selection_changed), self, 0);
  g_signal_group_connect_object (self->selection_signals, "notify::story",
                                 G_CALLBACK (on_selection_changed), self, 0);

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
