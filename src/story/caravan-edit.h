/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-edit.h: one change to a story, which can be applied and reverted: a property of a
 * place or event set to a new value, or a place or event added or removed. Edits go through
 * the undo stack (CaravanUndoStack); no GTK, so they are tested without a display. */

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
/* Adding @item (a place or event new to the story: ids must not be taken) and removing it
 * (the caller checks nothing refers to it). */
CaravanEdit *caravan_edit_new_add      (GObject      *item,
                                        const char   *label);
CaravanEdit *caravan_edit_new_remove   (GObject      *item,
                                        const char   *label);
/* A new place named @name at @latitude, @longitude with an id of its own, and a new event
 * on @date at @place; caravan_edit_get_item() gives them. */
CaravanEdit *caravan_edit_new_add_place (CaravanStory      *story,
                                         const char        *name,
                                         double             latitude,
                                         double             longitude,
                                         const char        *label);
CaravanEdit *caravan_edit_new_add_event (CaravanStory      *story,
                                         const char        *title,
                                         const CaravanDate *date,
                                         CaravanPlace      *place,
                                         const char        *label);
/* Several edits as one step (a pin dragged to a new latitude and longitude); @edits are
 * applied in order and reverted in reverse. */
CaravanEdit *caravan_edit_new_group    (GPtrArray    *edits,
                                        const char   *label);
const char  *caravan_edit_get_label    (CaravanEdit  *self);
GObject     *caravan_edit_get_item     (CaravanEdit  *self);
/* The property a set changes; NULL for adding and removing. */
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
