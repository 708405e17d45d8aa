/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-selection.c: the shared selection state all views follow (no GTK). */

#define G_LOG_DOMAIN "caravan-selection"

#include "config.h"

#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-place.h"
#include "caravan-selection.h"
#include "caravan-story.h"

struct _CaravanSelection
{
  GObject parent_instance;

  CaravanStory *story;
  CaravanPlace *place;
  CaravanEvent *event;
  double visible_start;
  double visible_end;
  gboolean filter_by_time;
  gulong item_changed_id;   /* on @story */
};

G_DEFINE_FINAL_TYPE (CaravanSelection, caravan_selection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORY,
  PROP_PLACE,
  PROP_EVENT,
  PROP_VISIBLE_START,
  PROP_VISIBLE_END,
  PROP_FILTER_BY_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_place (CaravanSelection *self,
           CaravanPlace     *place)
{
  if (g_set_object (&self->place, place))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
}

static void
set_event (CaravanSelection *self,
           CaravanEvent     *event)
{
  if (g_set_object (&self->event, event))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

static void
set_visible_start (CaravanSelection *self,
                   double            start)
{
  if (self->visible_start == start)
    return;
  self->visible_start = start;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_START]);
}

static void
set_visible_end (CaravanSelection *self,
                 double            end)
{
  if (self->visible_end == end)
    return;
  self->visible_end = end;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_END]);
}

/* Selects the event at @position in the story's date order, if there is one. */
static gboolean
select_event_at (CaravanSelection *self,
                 guint             position)
{
  g_autoptr(CaravanEvent) event = NULL;

  if (self->story == NULL)
    return FALSE;

  event = g_list_model_get_item (caravan_story_get_events (self->story), position);
  if (event == NULL)
    return FALSE;

  caravan_selection_select_event (self, event);
  return TRUE;
}

enum {
  ITEM_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The story's edits, passed on so that views following the selection see them. */
static void
on_story_item_changed (CaravanStory     *story,
                       GObject          *item,
                       const char       *property,
                       CaravanSelection *self)
{
  /* What an edit removed cannot stay selected. */
  if (g_str_equal (property, "removed") && item == (GObject *) self->event)
    caravan_selection_select_event (self, NULL);
  if (g_str_equal (property, "removed") && item == (GObject *) self->place)
    caravan_selection_select_place (self, NULL);
  g_signal_emit (self, signals[ITEM_CHANGED], g_quark_from_string (property), item, property);
}

static void
caravan_selection_dispose (GObject *object)
{
  CaravanSelection *self = (CaravanSelection *) object;

  if (self->story != NULL)
    g_clear_signal_handler (&self->item_changed_id, self->story);
  g_clear_object (&self->event);
  g_clear_object (&self->place);
  g_clear_object (&self->story);

  G_OBJECT_CLASS (caravan_selection_parent_class)->dispose (object);
}

static void
caravan_selection_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CaravanSelection *self = CARAVAN_SELECTION (object);

  switch (prop_id)
    {
    case PROP_STORY:
      g_value_set_object (value, self->story);
      break;
    case PROP_PLACE:
      g_value_set_object (value, self->place);
      break;
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;
    case PROP_VISIBLE_START:
      g_value_set_double (value, self->visible_start);
      break;
    case PROP_VISIBLE_END:
      g_value_set_double (value, self->visible_end);
      break;
    case PROP_FILTER_BY_TIME:
      g_value_set_boolean (value, self->filter_by_time);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_selection_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CaravanSelection *self = CARAVAN_SELECTION (object);

  switch (prop_id)
    {
    case PROP_STORY:
      caravan_selection_set_story (self, g_value_get_object (value));
      break;
    case PROP_PLACE:
      caravan_selection_select_place (self, g_value_get_object (value));
      break;
    case PROP_EVENT:
      caravan_selection_select_event (self, g_value_get_object (value));
      break;
    case PROP_VISIBLE_START:
      caravan_selection_set_visible_range (self, g_value_get_double (value),
                                           MAX (self->visible_end, g_value_get_double (value)));
      break;
    case PROP_VISIBLE_END:
      caravan_selection_set_visible_range (self,
                                           MIN (self->visible_start, g_value_get_double (value)),
                                           g_value_get_double (value));
      break;
    case PROP_FILTER_BY_TIME:
      caravan_selection_set_filter_by_time (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_selection_class_init (CaravanSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = caravan_selection_dispose;
  object_class->get_property = caravan_selection_get_property;
  object_class->set_property = caravan_selection_set_property;

  properties[PROP_STORY] =
    g_param_spec_object ("story", NULL, NULL, CARAVAN_TYPE_STORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACE] =
    g_param_spec_object ("place", NULL, NULL, CARAVAN_TYPE_PLACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, CARAVAN_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIBLE_START] =
    g_param_spec_double ("visible-start", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIBLE_END] =
    g_param_spec_double ("visible-end", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER_BY_TIME] =
    g_param_spec_boolean ("filter-by-time", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* An edit changed an item of the story (see CaravanStory::item-changed). */
  signals[ITEM_CHANGED] = g_signal_new ("item-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL,
                                        NULL, G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_STRING);
}

static void
caravan_selection_init (CaravanSelection *self)
{
}

CaravanSelection *
caravan_selection_new (void)
{
  return g_object_new (CARAVAN_TYPE_SELECTION, NULL);
}

CaravanStory *
caravan_selection_get_story (CaravanSelection *self)
{
  g_return_val_if_fail (CARAVAN_IS_SELECTION (self), NULL);
  return self->story;
}

void
caravan_selection_set_story (CaravanSelection *self,
                             CaravanStory     *story)
{
  guint32 first = 0, last = 0;

  g_return_if_fail (CARAVAN_IS_SELECTION (self));
  g_return_if_fail (story == NULL || CARAVAN_IS_STORY (story));

  if (self->story == story)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  set_event (self, NULL);
  set_place (self, NULL);
  if (self->story != NULL)
    g_clear_signal_handler (&self->item_changed_id, self->story);
  g_set_object (&self->story, story);
  if (story != NULL)
    self->item_changed_id = g_signal_connect (story, "item-changed",
                                              G_CALLBACK (on_story_item_changed), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORY]);

  if (story != NULL)
    caravan_story_get_time_span (story, &first, &last);
  set_visible_start (self, first);
  set_visible_end (self, last > 0 ? last + 1.0 : 0.0);

  g_object_thaw_notify (G_OBJECT (self));
}

CaravanPlace *
caravan_selection_get_place (CaravanSelection *self)
{
  g_return_val_if_fail (CARAVAN_IS_SELECTION (self), NULL);
  return self->place;
}

void
caravan_selection_select_place (CaravanSelection *self,
                                CaravanPlace     *place)
{
  g_return_if_fail (CARAVAN_IS_SELECTION (self));
  g_return_if_fail (place == NULL || CARAVAN_IS_PLACE (place));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->event != NULL && !caravan_event_has_place (self->event, place))
    set_event (self, NULL);
  set_place (self, place);
  g_object_thaw_notify (G_OBJECT (self));
}

CaravanEvent *
caravan_selection_get_event (CaravanSelection *self)
{
  g_return_val_if_fail (CARAVAN_IS_SELECTION (self), NULL);
  return self->event;
}

void
caravan_selection_select_event (CaravanSelection *self,
                                CaravanEvent     *event)
{
  g_return_if_fail (CARAVAN_IS_SELECTION (self));
  g_return_if_fail (event == NULL || CARAVAN_IS_EVENT (event));

  g_object_freeze_notify (G_OBJECT (self));
  set_event (self, event);
  if (event != NULL)
    set_place (self, caravan_event_get_first_place (event));
  g_object_thaw_notify (G_OBJECT (self));
}

void
caravan_selection_clear (CaravanSelection *self)
{
  g_return_if_fail (CARAVAN_IS_SELECTION (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_event (self, NULL);
  set_place (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
caravan_selection_next_event (CaravanSelection *self)
{
  guint index;

  g_return_val_if_fail (CARAVAN_IS_SELECTION (self), FALSE);

  if (self->story == NULL)
    return FALSE;
  if (self->event == NULL)
    return caravan_selection_first (self);

  index = caravan_story_get_event_index (self->story, self->event);
  if (index == G_MAXUINT)
    return caravan_selection_first (self);
  return select_event_at (self, index + 1);
}

gboolean
caravan_selection_previous_event (CaravanSelection *self)
{
  guint index;

  g_return_val_if_fail (CARAVAN_IS_SELECTION (self), FALSE);

  if (self->story == NULL)
    return FALSE;
  if (self->event == NULL)
    return caravan_selection_last (self);

  index = caravan_story_get_event_index (self->story, self->event);
  if (index == G_MAXUINT)
    return caravan_selection_last (self);
  if (index == 0)
    return FALSE;
  return select_event_at (self, index - 1);
}

gboolean
caravan_selection_first (CaravanSelection *self)
{
  g_return_val_if_fail (CARAVAN_IS_SELECTION (self), FALSE);

  return select_event_at (self, 0);
}

gboolean
caravan_selection_last (CaravanSelection *self)
{
  guint n;

  g_return_val_if_fail (CARAVAN_IS_SELECTION (self), FALSE);

  if (self->story == NULL)
    return FALSE;
  n = g_list_model_get_n_items (caravan_story_get_events (self->story));
  return n > 0 && select_event_at (self, n - 1);
}

double
caravan_selection_get_visible_start (CaravanSelection *self)
{
  g_return_val_if_fail (CARAVAN_IS_SELECTION (self), 0);
  return self->visible_start;
}

double
caravan_selection_get_visible_end (CaravanSelection *self)
{
  g_return_val_if_fail (CARAVAN_IS_SELECTION (self), 0);
  return self->visible_end;
}

void
caravan_selection_set_visible_range (CaravanSelection *self,
                                     double            start,
                                     double            end)
{
  g_return_if_fail (CARAVAN_IS_SELECTION (self));
  g_return_if_fail (start <= end);

  g_object_freeze_notify (G_OBJECT (self));
  set_visible_start (self, start);
  set_visible_end (self, end);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
caravan_selection_get_filter_by_time (CaravanSelection *self)
{
  g_return_val_if_fail (CARAVAN_IS_SELECTION (self), FALSE);
  return self->filter_by_time;
}

void
caravan_selection_set_filter_by_time (CaravanSelection *self,
                                      gboolean          filter_by_time)
{
  g_return_if_fail (CARAVAN_IS_SELECTION (self));

  filter_by_time = !!filter_by_time;
  if (self->filter_by_time == filter_by_time)
    return;
  self->filter_by_time = filter_by_time;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER_BY_TIME]);
}

/* The visible range is half-open in julian days: [start, end). */
gboolean
caravan_selection_event_is_visible (CaravanSelection *self,
                                    CaravanEvent     *event)
{
  const CaravanDate *date;

  g_return_val_if_fail (CARAVAN_IS_SELECTION (self), FALSE);
  g_return_val_if_fail (CARAVAN_IS_EVENT (event), FALSE);

  if (!self->filter_by_time)
    return TRUE;

  date = caravan_event_get_date (event);
  return caravan_date_get_first_julian (date) < self->visible_end &&
         caravan_date_get_last_julian (date) + 1.0 > self->visible_start;
}
