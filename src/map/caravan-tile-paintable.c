/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-tile-paintable.c: draws a tile texture that carries margin_px of bleed on each side
 * so that it overlaps its neighbours by that much, whatever size the map layer asks for. */

#define G_LOG_DOMAIN "caravan-tile-paintable"

#include "config.h"

#include "caravan-tile-paintable.h"

struct _CaravanTilePaintable
{
  GObject parent_instance;

  GdkTexture *texture;
  guint margin_px;
};

static void caravan_tile_paintable_iface_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CaravanTilePaintable, caravan_tile_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      caravan_tile_paintable_iface_init))

static void
caravan_tile_paintable_snapshot (GdkPaintable *paintable,
                                 GdkSnapshot  *snapshot,
                                 double        width,
                                 double        height)
{
  CaravanTilePaintable *self = CARAVAN_TILE_PAINTABLE (paintable);
  double inner = gdk_texture_get_width (self->texture) - 2.0 * self->margin_px;
  double bleed_x = inner > 0 ? width * self->margin_px / inner : 0;
  double bleed_y = inner > 0 ? height * self->margin_px / inner : 0;

  gtk_snapshot_append_texture (GTK_SNAPSHOT (snapshot), self->texture,
                               &GRAPHENE_RECT_INIT (-bleed_x, -bleed_y,
                                                    width + 2 * bleed_x, height + 2 * bleed_y));
}

static GdkPaintableFlags
caravan_tile_paintable_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS;
}

static int
caravan_tile_paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  CaravanTilePaintable *self = CARAVAN_TILE_PAINTABLE (paintable);

  return gdk_texture_get_width (self->texture) - 2 * self->margin_px;
}

static int
caravan_tile_paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  CaravanTilePaintable *self = CARAVAN_TILE_PAINTABLE (paintable);

  return gdk_texture_get_height (self->texture) - 2 * self->margin_px;
}

static void
caravan_tile_paintable_iface_init (GdkPaintableInterface *iface)
{
  iface->snapshot = caravan_tile_paintable_snapshot;
  iface->get_flags = caravan_tile_paintable_get_flags;
  iface->get_intrinsic_width = caravan_tile_paintable_get_intrinsic_width;
  iface->get_intrinsic_height = caravan_tile_paintable_get_intrinsic_height;
}

static void
caravan_tile_paintable_finalize (GObject *object)
{
  CaravanTilePaintable *self = CARAVAN_TILE_PAINTABLE (object);

  g_clear_object (&self->texture);

  G_OBJECT_CLASS (caravan_tile_paintable_parent_class)->finalize (object);
}

static void
caravan_tile_paintable_class_init (CaravanTilePaintableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = caravan_tile_paintable_finalize;
}

static void
caravan_tile_paintable_init (CaravanTilePaintable *self)
{
}

CaravanTilePaintable *
caravan_tile_paintable_new (GdkTexture *texture,
                            guint       margin_px)
{
  CaravanTilePaintable *self;

  g_return_val_if_fail (GDK_IS_TEXTURE (texture), NULL);
  g_return_val_if_fail (gdk_texture_get_width (texture) > 2 * (int) margin_px, NULL);

  self = g_object_new (CARAVAN_TYPE_TILE_PAINTABLE, NULL);
  self->texture = g_object_ref (texture);
  self->margin_px = margin_px;

  return self;
}

GdkTexture *
caravan_tile_paintable_get_texture (CaravanTilePaintable *self)
{
  g_return_val_if_fail (CARAVAN_IS_TILE_PAINTABLE (self), NULL);

  return self->texture;
}
