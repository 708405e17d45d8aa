/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-edit.c: an edit keeps the item, the property's spec and both values, and sets them
 * with g_object_set_property(), so one type serves every field of places and events; the
 * story is told afterwards, which keeps its events in date order and tells the views. */

#define G_LOG_DOMAIN "caravan-edit"

#include "config.h"

#include "caravan-edit.h"
#include "caravan-story-private.h"

struct _CaravanEdit
{
  GObject     parent_instance;

  GObject    *item;
  GParamSpec *pspec;
  GValue      old_value;
  GValue      new_value;
  char       *label;
};

G_DEFINE_FINAL_TYPE (CaravanEdit, caravan_edit, G_TYPE_OBJECT)

static void
set_value (CaravanEdit  *self,
           CaravanStory *story,
           const GValue *value)
{
  g_object_set_property (self->item, self->pspec->name, value);
  caravan_story_item_changed (story, self->item, self->pspec->name);
}

static void
caravan_edit_finalize (GObject *object)
{
  CaravanEdit *self = CARAVAN_EDIT (object);

  g_clear_object (&self->item);
  g_value_unset (&self->old_value);
  g_value_unset (&self->new_value);
  g_free (self->label);

  G_OBJECT_CLASS (caravan_edit_parent_class)->finalize (object);
}

static void
caravan_edit_class_init (CaravanEditClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = caravan_edit_finalize;
}

static void
caravan_edit_init (CaravanEdit *self)
{
}

CaravanEdit *
caravan_edit_new_set (GObject      *item,
                      const char   *property,
                      const GValue *value,
                      const char   *label)
{
  GParamSpec *pspec;
  CaravanEdit *self;

  g_return_val_if_fail (CARAVAN_IS_PLACE (item) || CARAVAN_IS_EVENT (item), NULL);
  g_return_val_if_fail (property != NULL, NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property);
  if (pspec == NULL || (pspec->flags & G_PARAM_WRITABLE) == 0 ||
      !g_value_type_transformable (G_VALUE_TYPE (value), pspec->value_type))
    return NULL;

  self = g_object_new (CARAVAN_TYPE_EDIT, NULL);
  self->item = g_object_ref (item);
  self->pspec = pspec;
  self->label = g_strdup (label);
  g_value_init (&self->old_value, pspec->value_type);
  g_object_get_property (item, pspec->name, &self->old_value);
  g_value_init (&self->new_value, pspec->value_type);
  g_value_transform (value, &self->new_value);
  /* A number out of range is brought into it, as setting the property would. */
  g_param_value_validate (pspec, &self->new_value);
  return self;
}

const char *
caravan_edit_get_label (CaravanEdit *self)
{
  g_return_val_if_fail (CARAVAN_IS_EDIT (self), NULL);
  return self->label;
}

GObject *
caravan_edit_get_item (CaravanEdit *self)
{
  g_return_val_if_fail (CARAVAN_IS_EDIT (self), NULL);
  return self->item;
}

const char *
caravan_edit_get_property (CaravanEdit *self)
{
  g_return_val_if_fail (CARAVAN_IS_EDIT (self), NULL);
  return self->pspec->name;
}

gboolean
caravan_edit_is_empty (CaravanEdit *self)
{
  g_return_val_if_fail (CARAVAN_IS_EDIT (self), TRUE);
  return g_param_values_cmp (self->pspec, &self->old_value, &self->new_value) == 0;
}

void
caravan_edit_apply (CaravanEdit  *self,
                    CaravanStory *story)
{
  g_return_if_fail (CARAVAN_IS_EDIT (self));
  g_return_if_fail (CARAVAN_IS_STORY (story));
  set_value (self, story, &self->new_value);
}

void
caravan_edit_revert (CaravanEdit  *self,
                     CaravanStory *story)
{
  g_return_if_fail (CARAVAN_IS_EDIT (self));
  g_return_if_fail (CARAVAN_IS_STORY (story));
  set_value (self, story, &self->old_value);
}

gboolean
caravan_edit_merge (CaravanEdit *self,
                    CaravanEdit *next)
{
  g_return_val_if_fail (CARAVAN_IS_EDIT (self), FALSE);
  g_return_val_if_fail (CARAVAN_IS_EDIT (next), FALSE);

  if (self->item != next->item || self->pspec != next->pspec)
    return FALSE;
  g_value_copy (&next->new_value, &self->new_value);
  return TRUE;
}
