/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-inspector.h: the edit mode's inspector: the fields of the selected event (else the
 * selected place), each change an edit on the story's undo stack, and above them what there is
 * to fix in the story (caravan-story-issues.h), kept up to date as the user edits; a row takes
 * the user to its item. It follows the selection and the stack, never the other views. */

#pragma once

#include <gtk/gtk.h>

#include "caravan-types.h"
#include "caravan-undo-stack.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_INSPECTOR (caravan_inspector_get_type ())

G_DECLARE_FINAL_TYPE (CaravanInspector, caravan_inspector, CARAVAN, INSPECTOR, GtkWidget)

GtkWidget        *caravan_inspector_new            (void);
void              caravan_inspector_set_selection  (CaravanInspector *self,
                                                    CaravanSelection *selection);
/* The stack edits go to; NULL while no story is shown (the fields are then read-only). */
void              caravan_inspector_set_undo_stack (CaravanInspector *self,
                                                    CaravanUndoStack *stack);
/* Puts the keyboard in the first field (a name or title) with its text selected, for an item
 * just added. */
void              caravan_inspector_focus_first_field (CaravanInspector *self);
/* "none", "place" or "event": what the inspector shows. */
const char       *caravan_inspector_get_page       (CaravanInspector *self);

G_END_DECLS
