/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-window-items.c: the edit mode's actions that add, move and delete places and events:
 * each is one edit on the story's undo stack, and the window selects what was added. */

#define G_LOG_DOMAIN "caravan-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-inspector.h"
#include "caravan-map-view.h"
#include "caravan-place.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-undo-stack.h"
#include "caravan-window-private.h"

static void
add_place_at (CaravanWindow *self,
              double         latitude,
              double         longitude)
{
  CaravanStory *story = caravan_selection_get_story (self->selection);
  g_autoptr(CaravanEdit) edit = NULL;

  if (story == NULL || self->undo_stack == NULL)
    return;
  /* Translators: the name a place added on the map starts with */
  edit = caravan_edit_new_add_place (story, _("New Place"), latitude, longitude, _("Add Place"));
  caravan_undo_stack_push (self->undo_stack, edit, FALSE);
  caravan_window_set_editing (self, TRUE);
  caravan_selection_select_place (self->selection, CARAVAN_PLACE (caravan_edit_get_item (edit)));
  caravan_inspector_focus_first_field (self->inspector);
}

/* A place at the centre of the map: the keyboard's way to "Add Place Here". */
void
caravan_window_add_place_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  CaravanWindow *self = CARAVAN_WINDOW (widget);
  ShumateViewport *viewport = caravan_map_view_get_viewport (self->map_view);

  add_place_at (self, shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
}

void
caravan_window_add_place_at_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  double latitude, longitude;

  g_variant_get (parameter, "(dd)", &latitude, &longitude);
  add_place_at (CARAVAN_WINDOW (widget), latitude, longitude);
}

/* An event at the selected place, dated today until the user types its date. */
void
caravan_window_add_event_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  CaravanWindow *self = CARAVAN_WINDOW (widget);
  CaravanStory *story = caravan_selection_get_story (self->selection);
  CaravanPlace *place = caravan_selection_get_place (self->selection);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(CaravanEdit) edit = NULL;
  CaravanDate today;

  if (story == NULL || place == NULL || self->undo_stack == NULL)
    return;
  caravan_date_init_day (&today, g_date_time_get_year (now), g_date_time_get_month (now),
                         g_date_time_get_day_of_month (now));
  /* Translators: the title an event added in the inspector starts with */
  edit = caravan_edit_new_add_event (story, _("New Event"), &today, place, _("Add Event"));
  caravan_undo_stack_push (self->undo_stack, edit, FALSE);
  caravan_selection_select_event (self->selection, CARAVAN_EVENT (caravan_edit_get_item (edit)));
  caravan_inspector_focus_first_field (self->inspector);
}

static void
refuse (CaravanWindow *self,
        const char    *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Deletes the selected event, else the selected place; an item the story still refers to
 * stays, and a toast says why. */
void
caravan_window_delete_selected_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  CaravanWindow *self = CARAVAN_WINDOW (widget);
  CaravanStory *story = caravan_selection_get_story (self->selection);
  CaravanEvent *event = caravan_selection_get_event (self->selection);
  CaravanPlace *place = caravan_selection_get_place (self->selection);
  g_autoptr(CaravanEdit) edit = NULL;
  g_autofree char *message = NULL;
  guint uses;

  if (story == NULL || self->undo_stack == NULL || (event == NULL && place == NULL))
    return;
  if (event != NULL)
    {
      uses = caravan_story_count_event_uses (story, event);
      if (uses > 0)
        /* Translators: %s is an event's title */
        message = g_strdup_printf (g_dngettext (NULL, "“%s” is linked to %u excerpt, so it stays",
                                                "“%s” is linked to %u excerpts, so it stays",
                                                uses),
                                   caravan_event_get_title (event), uses);
      else
        edit = caravan_edit_new_remove (G_OBJECT (event), _("Delete Event"));
    }
  else
    {
      uses = caravan_story_count_place_uses (story, place);
      if (uses > 0)
        /* Translators: %s is a place's name; its events, excerpts or routes */
        message = g_strdup_printf (g_dngettext (NULL,
                                                "“%s” has %u event, excerpt or route, so it stays",
                                                "“%s” has %u events, excerpts or routes, so it "
                                                "stays", uses),
                                   caravan_place_get_name (place), uses);
      else
        edit = caravan_edit_new_remove (G_OBJECT (place), _("Delete Place"));
    }
  if (message != NULL)
    refuse (self, message);
  else
    caravan_undo_stack_push (self->undo_stack, edit, FALSE);
}

/* A pin dropped at a new point: latitude and longitude change as one step. */
void
caravan_window_move_place_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  CaravanWindow *self = CARAVAN_WINDOW (widget);
  CaravanStory *story = caravan_selection_get_story (self->selection);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CaravanEdit) move = NULL;
  const char *id;
  CaravanPlace *place;
  double latitude, longitude;

  g_variant_get (parameter, "(&sdd)", &id, &latitude, &longitude);
  place = story != NULL ? caravan_story_lookup_place (story, id) : NULL;
  if (place == NULL || self->undo_stack == NULL)
    return;
  for (guint i = 0; i < 2; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_DOUBLE);
      g_value_set_double (&value, i == 0 ? latitude : longitude);
      g_ptr_array_add (edits, caravan_edit_new_set (G_OBJECT (place),
                                                    i == 0 ? "latitude" : "longitude", &value,
                                                    NULL));
    }
  move = caravan_edit_new_group (edits, _("Move Place"));
  caravan_undo_stack_push (self->undo_stack, move, FALSE);
  caravan_selection_select_place (self->selection, place);
}

/* The selected event's step looks where the map looks now, or (@use_view FALSE) at the
 * event's place again. */
static void
set_step_camera (CaravanWindow *self,
                 gboolean       use_view)
{
  CaravanEvent *event = caravan_selection_get_event (self->selection);
  ShumateViewport *viewport = caravan_map_view_get_viewport (self->map_view);
  g_auto(GValue) value = G_VALUE_INIT;

  if (event == NULL || self->undo_stack == NULL)
    return;
  g_value_init (&value, CARAVAN_TYPE_CAMERA);
  if (use_view)
    g_value_set_boxed (&value, &(CaravanCamera) {
                         shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                         shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                         /* Half steps are as fine as a presenter chooses a view. */
                         round (shumate_viewport_get_zoom_level (viewport) * 2) / 2 });
  caravan_undo_stack_set (self->undo_stack, event, "camera", &value,
                          use_view ? _("Set the Step's View") : _("Centre the Step on Its Place"),
                          FALSE);
}

void
caravan_window_set_step_camera_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  set_step_camera (CARAVAN_WINDOW (widget), TRUE);
}

void
caravan_window_clear_step_camera_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  set_step_camera (CARAVAN_WINDOW (widget), FALSE);
}
