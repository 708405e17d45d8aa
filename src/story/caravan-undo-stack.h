/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-undo-stack.h: every edit of a story goes through its undo stack, which applies it,
 * keeps it for undo and redo, folds typing in one field into one step, and knows whether the
 * story differs from what was last saved. No GTK. */

#pragma once

#include <glib-object.h>

#include "caravan-edit.h"
#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_UNDO_STACK (caravan_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (CaravanUndoStack, caravan_undo_stack, CARAVAN, UNDO_STACK, GObject)

CaravanUndoStack *caravan_undo_stack_new          (CaravanStory     *story);
CaravanStory     *caravan_undo_stack_get_story    (CaravanUndoStack *self);

/* Applies @edit and keeps it. With @merge, an edit of the same item and property as the last
 * one, while no seal came in between, joins it (one undo step); an edit that changes nothing
 * is not kept. Drops what could be redone. */
void              caravan_undo_stack_push         (CaravanUndoStack *self,
                                                   CaravanEdit      *edit,
                                                   gboolean          merge);
/* caravan_edit_new_set() and push; FALSE when the item has no such writable property. */
gboolean          caravan_undo_stack_set          (CaravanUndoStack *self,
                                                   gpointer          item,
                                                   const char       *property,
                                                   const GValue     *value,
                                                   const char       *label,
                                                   gboolean          merge);
/* Ends the current merge: the next edit is a step of its own (a field lost the focus). */
void              caravan_undo_stack_seal         (CaravanUndoStack *self);

gboolean          caravan_undo_stack_can_undo     (CaravanUndoStack *self);
gboolean          caravan_undo_stack_can_redo     (CaravanUndoStack *self);
/* Labels of the edits that undo and redo would revert and apply again, or NULL. */
const char       *caravan_undo_stack_get_undo_label (CaravanUndoStack *self);
const char       *caravan_undo_stack_get_redo_label (CaravanUndoStack *self);
/* The edit undo would revert (transfer none), or NULL. */
CaravanEdit      *caravan_undo_stack_peek_undo    (CaravanUndoStack *self);
gboolean          caravan_undo_stack_undo         (CaravanUndoStack *self);
gboolean          caravan_undo_stack_redo         (CaravanUndoStack *self);
guint             caravan_undo_stack_get_n_edits  (CaravanUndoStack *self);

/* Whether the story differs from when it was opened or last saved; undoing back to that point
 * makes it unmodified again. */
gboolean          caravan_undo_stack_get_modified (CaravanUndoStack *self);
void              caravan_undo_stack_mark_saved   (CaravanUndoStack *self);
/* The story differs from its file although nothing was edited here (it was restored from a
 * recovery copy): modified until saved. */
void              caravan_undo_stack_mark_unsaved (CaravanUndoStack *self);

G_END_DECLS
