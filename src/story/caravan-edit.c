/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-edit.c: an edit keeps the item, the property's spec and both values, and sets them
 * with g_object_set_property(), so one type serves every field of places and events; the
 * story is told afterwards, which keeps its events in date order and tells the views. */

#define G_LOG_DOMAIN "caravan-edit"

#include "config.h"

#include "caravan-edit.h"
#include "caravan-story-private.h"

typedef enum
{
  EDIT_SET,
  EDIT_ADD,
  EDIT_REMOVE,
  EDIT_GROUP,
} EditKind;

struct _CaravanEdit
{
  GObject     parent_instance;

  EditKind    kind;
  guint       position;   /* EDIT_REMOVE of a place: where it was in the places */
  GObject    *item;
  GPtrArray  *children;   /* EDIT_GROUP: CaravanEdit, applied in order */
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
add_item (CaravanEdit  *self,
          CaravanStory *story)
{
  if (CARAVAN_IS_PLACE (self->item))
    caravan_story_insert_place (story, CARAVAN_PLACE (self->item), self->position);
  else
    caravan_story_insert_event (story, CARAVAN_EVENT (self->item));
}

static void
remove_item (CaravanEdit  *self,
             CaravanStory *story)
{
  if (CARAVAN_IS_PLACE (self->item))
    self->position = caravan_story_remove_place (story, CARAVAN_PLACE (self->item));
  else
    caravan_story_remove_event (story, CARAVAN_EVENT (self->item));
}

static CaravanEdit *
new_edit (EditKind    kind,
          GObject    *item,
          const char *label)
{
  CaravanEdit *self = g_object_new (CARAVAN_TYPE_EDIT, NULL);

  self->kind = kind;
  self->item = g_object_ref (item);
  self->label = g_strdup (label);
  self->position = G_MAXUINT;
  return self;
}

static void
caravan_edit_finalize (GObject *object)
{
  CaravanEdit *self = CARAVAN_EDIT (object);

  g_clear_object (&self->item);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  if (G_IS_VALUE (&self->old_value))
    g_value_unset (&self->old_value);
  if (G_IS_VALUE (&self->new_value))
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

  self = new_edit (EDIT_SET, item, label);
  self->pspec = pspec;
  g_value_init (&self->old_value, pspec->value_type);
  g_object_get_property (item, pspec->name, &self->old_value);
  g_value_init (&self->new_value, pspec->value_type);
  g_value_transform (value, &self->new_value);
  /* A number out of range is brought into it, as setting the property would. */
  g_param_value_validate (pspec, &self->new_value);
  return self;
}

CaravanEdit *
caravan_edit_new_add (GObject    *item,
                      const char *label)
{
  g_return_val_if_fail (CARAVAN_IS_PLACE (item) || CARAVAN_IS_EVENT (item), NULL);
  return new_edit (EDIT_ADD, item, label);
}

CaravanEdit *
caravan_edit_new_remove (GObject    *item,
                         const char *label)
{
  g_return_val_if_fail (CARAVAN_IS_PLACE (item) || CARAVAN_IS_EVENT (item), NULL);
  return new_edit (EDIT_REMOVE, item, label);
}

CaravanEdit *
caravan_edit_new_group (GPtrArray  *edits,
                        const char *label)
{
  CaravanEdit *self;

  g_return_val_if_fail (edits != NULL && edits->len > 0, NULL);

  self = new_edit (EDIT_GROUP, caravan_edit_get_item (g_ptr_array_index (edits, 0)), label);
  self->children = g_ptr_array_ref (edits);
  return self;
}

CaravanEdit *
caravan_edit_new_add_place (CaravanStory *story,
                            const char   *name,
                            double        latitude,
                            double        longitude,
                            const char   *label)
{
  g_autofree char *id = NULL;
  g_autoptr(CaravanPlace) place = NULL;

  g_return_val_if_fail (CARAVAN_IS_STORY (story), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  id = caravan_story_make_id (story, CARAVAN_TYPE_PLACE, name);
  place = caravan_place_new (id, name, NULL, NULL, CLAMP (latitude, -90, 90),
                             CLAMP (longitude, -180, 180), FALSE);
  return new_edit (EDIT_ADD, G_OBJECT (place), label);
}

CaravanEdit *
caravan_edit_new_add_event (CaravanStory      *story,
                            const char        *title,
                            const CaravanDate *date,
                            CaravanPlace      *place,
                            const char        *label)
{
  g_autofree char *id = NULL;
  g_autoptr(CaravanEvent) event = NULL;

  g_return_val_if_fail (CARAVAN_IS_STORY (story), NULL);
  g_return_val_if_fail (title != NULL && date != NULL, NULL);
  g_return_val_if_fail (place == NULL || CARAVAN_IS_PLACE (place), NULL);

  id = caravan_story_make_id (story, CARAVAN_TYPE_EVENT, title);
  event = caravan_event_new (id, title, NULL, date, NULL, NULL, NULL, FALSE);
  caravan_event_set_file_index (event, G_MAXUINT);
  if (place != NULL)
    caravan_event_add_place (event, place);
  return new_edit (EDIT_ADD, G_OBJECT (event), label);
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
  return self->pspec != NULL ? self->pspec->name : NULL;
}

gboolean
caravan_edit_is_empty (CaravanEdit *self)
{
  g_return_val_if_fail (CARAVAN_IS_EDIT (self), TRUE);
  if (self->kind == EDIT_GROUP)
    {
      for (guint i = 0; i < self->children->len; i++)
        if (!caravan_edit_is_empty (g_ptr_array_index (self->children, i)))
          return FALSE;
      return TRUE;
    }
  if (self->kind != EDIT_SET)
    return FALSE;
  return g_param_values_cmp (self->pspec, &self->old_value, &self->new_value) == 0;
}

void
caravan_edit_apply (CaravanEdit  *self,
                    CaravanStory *story)
{
  g_return_if_fail (CARAVAN_IS_EDIT (self));
  g_return_if_fail (CARAVAN_IS_STORY (story));
  if (self->kind == EDIT_GROUP)
    for (guint i = 0; i < self->children->len; i++)
      caravan_edit_apply (g_ptr_array_index (self->children, i), story);
  else if (self->kind == EDIT_ADD)
    add_item (self, story);
  else if (self->kind == EDIT_REMOVE)
    remove_item (self, story);
  else
    set_value (self, story, &self->new_value);
}

void
caravan_edit_revert (CaravanEdit  *self,
                     CaravanStory *story)
{
  g_return_if_fail (CARAVAN_IS_EDIT (self));
  g_return_if_fail (CARAVAN_IS_STORY (story));
  if (self->kind == EDIT_GROUP)
    for (guint i = self->children->len; i > 0; i--)
      caravan_edit_revert (g_ptr_array_index (self->children, i - 1), story);
  else if (self->kind == EDIT_ADD)
    remove_item (self, story);
  else if (self->kind == EDIT_REMOVE)
    add_item (self, story);
  else
    set_value (self, story, &self->old_value);
}

gboolean
caravan_edit_merge (CaravanEdit *self,
                    CaravanEdit *next)
{
  g_return_val_if_fail (CARAVAN_IS_EDIT (self), FALSE);
  g_return_val_if_fail (CARAVAN_IS_EDIT (next), FALSE);

  if (self->kind != EDIT_SET || next->kind != EDIT_SET || self->item != next->item ||
      self->pspec != next->pspec)
    return FALSE;
  g_value_copy (&next->new_value, &self->new_value);
  return TRUE;
}
