/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-undo-stack.c: an array of applied edits and a position in it: undo reverts the edit
 * before the position and moves back, redo applies the one after it. The saved position is
 * where the file on disk is; G_MAXUINT once that state can no longer be reached. */

#define G_LOG_DOMAIN "caravan-undo-stack"

#include "config.h"

#include "caravan-story.h"
#include "caravan-undo-stack.h"

struct _CaravanUndoStack
{
  GObject       parent_instance;

  CaravanStory *story;
  GPtrArray    *edits;      /* CaravanEdit, oldest first */
  guint         position;   /* edits before it are applied */
  guint         saved;      /* the position of the file on disk, or G_MAXUINT */
  gboolean      sealed;     /* the last edit takes no more merges */
};

G_DEFINE_FINAL_TYPE (CaravanUndoStack, caravan_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;
  CaravanEdit *undo;
  CaravanEdit *redo;
} State;

static State
get_state (CaravanUndoStack *self)
{
  return (State) {
    .can_undo = self->position > 0,
    .can_redo = self->position < self->edits->len,
    .modified = self->position != self->saved,
    .undo = self->position > 0 ? g_ptr_array_index (self->edits, self->position - 1) : NULL,
    .redo = self->position < self->edits->len ? g_ptr_array_index (self->edits, self->position)
                                               : NULL,
  };
}

/* Notifies what changed between @before and now. */
static void
notify_changes (CaravanUndoStack *self,
                State             before)
{
  State now = get_state (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (before.can_undo != now.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before.can_redo != now.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before.modified != now.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (before.undo != now.undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (before.redo != now.redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
caravan_undo_stack_finalize (GObject *object)
{
  CaravanUndoStack *self = CARAVAN_UNDO_STACK (object);

  g_clear_object (&self->story);
  g_clear_pointer (&self->edits, g_ptr_array_unref);

  G_OBJECT_CLASS (caravan_undo_stack_parent_class)->finalize (object);
}

static void
caravan_undo_stack_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CaravanUndoStack *self = CARAVAN_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_STORY:
      g_value_set_object (value, self->story);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, caravan_undo_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, caravan_undo_stack_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, caravan_undo_stack_get_modified (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, caravan_undo_stack_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, caravan_undo_stack_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_undo_stack_class_init (CaravanUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = caravan_undo_stack_finalize;
  object_class->get_property = caravan_undo_stack_get_property;

  properties[PROP_STORY] =
    g_param_spec_object ("story", NULL, NULL, CARAVAN_TYPE_STORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
caravan_undo_stack_init (CaravanUndoStack *self)
{
  self->edits = g_ptr_array_new_with_free_func (g_object_unref);
  self->sealed = TRUE;
}

CaravanUndoStack *
caravan_undo_stack_new (CaravanStory *story)
{
  CaravanUndoStack *self;

  g_return_val_if_fail (CARAVAN_IS_STORY (story), NULL);

  self = g_object_new (CARAVAN_TYPE_UNDO_STACK, NULL);
  self->story = g_object_ref (story);
  return self;
}

CaravanStory *
caravan_undo_stack_get_story (CaravanUndoStack *self)
{
  g_return_val_if_fail (CARAVAN_IS_UNDO_STACK (self), NULL);
  return self->story;
}

void
caravan_undo_stack_push (CaravanUndoStack *self,
                         CaravanEdit      *edit,
                         gboolean          merge)
{
  State before;
  CaravanEdit *last;

  g_return_if_fail (CARAVAN_IS_UNDO_STACK (self));
  g_return_if_fail (CARAVAN_IS_EDIT (edit));

  if (caravan_edit_is_empty (edit))
    return;

  before = get_state (self);
  caravan_edit_apply (edit, self->story);

  /* What could be redone is gone; so is the saved state if it was there. */
  if (self->saved > self->position && self->saved != G_MAXUINT)
    self->saved = G_MAXUINT;
  g_ptr_array_set_size (self->edits, self->position);

  last = self->position > 0 ? g_ptr_array_index (self->edits, self->position - 1) : NULL;
  if (merge && !self->sealed && last != NULL && self->saved != self->position &&
      caravan_edit_merge (last, edit))
    {
      /* Typed back to where the field was: the step disappears. */
      if (caravan_edit_is_empty (last))
        {
          g_ptr_array_remove_index (self->edits, --self->position);
          self->sealed = TRUE;
        }
    }
  else
    {
      g_ptr_array_add (self->edits, g_object_ref (edit));
      self->position++;
      self->sealed = !merge;
    }
  notify_changes (self, before);
}

gboolean
caravan_undo_stack_set (CaravanUndoStack *self,
                        gpointer          item,
                        const char       *property,
                        const GValue     *value,
                        const char       *label,
                        gboolean          merge)
{
  g_autoptr(CaravanEdit) edit = NULL;

  g_return_val_if_fail (CARAVAN_IS_UNDO_STACK (self), FALSE);

  edit = caravan_edit_new_set (item, property, value, label);
  if (edit == NULL)
    return FALSE;
  caravan_undo_stack_push (self, edit, merge);
  return TRUE;
}

void
caravan_undo_stack_seal (CaravanUndoStack *self)
{
  g_return_if_fail (CARAVAN_IS_UNDO_STACK (self));
  self->sealed = TRUE;
}

gboolean
caravan_undo_stack_can_undo (CaravanUndoStack *self)
{
  g_return_val_if_fail (CARAVAN_IS_UNDO_STACK (self), FALSE);
  return self->position > 0;
}

gboolean
caravan_undo_stack_can_redo (CaravanUndoStack *self)
{
  g_return_val_if_fail (CARAVAN_IS_UNDO_STACK (self), FALSE);
  return self->position < self->edits->len;
}

CaravanEdit *
caravan_undo_stack_peek_undo (CaravanUndoStack *self)
{
  g_return_val_if_fail (CARAVAN_IS_UNDO_STACK (self), NULL);
  return get_state (self).undo;
}

const char *
caravan_undo_stack_get_undo_label (CaravanUndoStack *self)
{
  CaravanEdit *edit;

  g_return_val_if_fail (CARAVAN_IS_UNDO_STACK (self), NULL);
  edit = get_state (self).undo;
  return edit != NULL ? caravan_edit_get_label (edit) : NULL;
}

const char *
caravan_undo_stack_get_redo_label (CaravanUndoStack *self)
{
  CaravanEdit *edit;

  g_return_val_if_fail (CARAVAN_IS_UNDO_STACK (self), NULL);
  edit = get_state (self).redo;
  return edit != NULL ? caravan_edit_get_label (edit) : NULL;
}

gboolean
caravan_undo_stack_undo (CaravanUndoStack *self)
{
  State before;

  g_return_val_if_fail (CARAVAN_IS_UNDO_STACK (self), FALSE);

  if (self->position == 0)
    return FALSE;
  before = get_state (self);
  self->position--;
  self->sealed = TRUE;
  caravan_edit_revert (g_ptr_array_index (self->edits, self->position), self->story);
  notify_changes (self, before);
  return TRUE;
}

gboolean
caravan_undo_stack_redo (CaravanUndoStack *self)
{
  State before;

  g_return_val_if_fail (CARAVAN_IS_UNDO_STACK (self), FALSE);

  if (self->position >= self->edits->len)
    return FALSE;
  before = get_state (self);
  caravan_edit_apply (g_ptr_array_index (self->edits, self->position), self->story);
  self->position++;
  self->sealed = TRUE;
  notify_changes (self, before);
  return TRUE;
}

guint
caravan_undo_stack_get_n_edits (CaravanUndoStack *self)
{
  g_return_val_if_fail (CARAVAN_IS_UNDO_STACK (self), 0);
  return self->edits->len;
}

gboolean
caravan_undo_stack_get_modified (CaravanUndoStack *self)
{
  g_return_val_if_fail (CARAVAN_IS_UNDO_STACK (self), FALSE);
  return self->position != self->saved;
}

void
caravan_undo_stack_mark_unsaved (CaravanUndoStack *self)
{
  State before;

  g_return_if_fail (CARAVAN_IS_UNDO_STACK (self));

  before = get_state (self);
  self->saved = G_MAXUINT;
  notify_changes (self, before);
}

void
caravan_undo_stack_mark_saved (CaravanUndoStack *self)
{
  State before;

  g_return_if_fail (CARAVAN_IS_UNDO_STACK (self));

  before = get_state (self);
  self->saved = self->position;
  self->sealed = TRUE;
  notify_changes (self, before);
}
