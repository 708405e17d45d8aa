/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-edit.h: one change to a story, which can be applied and reverted: a property of a
 * place or event set to a new value. Edits are made by the undo stack (CaravanUndoStack); no
 * GTK, so they are tested without a display. */

#pragma once

#include <glib-object.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_EDIT (caravan_edit_get_type ())

G_DECLARE_FINAL_TYPE (CaravanEdit, caravan_edit, CARAVAN, EDIT, GObject)

/* Setting @property of @item (a place or an event of the story) to @value; the old value is
 * the item's now. @label names the edit for a user ("Rename Place"). NULL when @property is
 * not a writable property of @item or @value is not of its type. */
CaravanEdit *caravan_edit_new_set      (GObject      *item,
                                        const char   *property,
                                        const GValue *value,
                                        const char   *label);
const char  *caravan_edit_get_label    (CaravanEdit  *self);
GObject     *caravan_edit_get_item     (CaravanEdit  *self);
const char  *caravan_edit_get_property (CaravanEdit  *self);
/* Whether applying it would change nothing (the old and new values are equal). */
gboolean     caravan_edit_is_empty     (CaravanEdit  *self);

void         caravan_edit_apply        (CaravanEdit  *self,
                                        CaravanStory *story);
void         caravan_edit_revert       (CaravanEdit  *self,
                                        CaravanStory *story);
/* Folds @next (applied after @self, on the same item and property) into @self, so that one
 * undo reverts both: typing in a field is one edit. FALSE when they do not fit together. */
gboolean     caravan_edit_merge        (CaravanEdit  *self,
                                        CaravanEdit  *next);

G_END_DECLS
