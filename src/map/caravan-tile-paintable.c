/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-tile-paintable.c: draws a tile texture that carries margin_px of bleed on each side
 * so that it overlaps its neighbours by that much, whatever size the map layer asks for.
 *
 * Under GTK 4.8's cairo renderer a texture node converts its texture to floats and back on
 * every frame (gdk_memory_convert() has no fast path there), which cost 30 ms a frame for the
 * tiles of a 1080p flight. With that renderer the tile's cairo surface is painted directly. */

#define G_LOG_DOMAIN "caravan-tile-paintable"

#include "config.h"

#include <math.h>

#include "caravan-tile-paintable.h"

struct _CaravanTilePaintable
{
  GObject parent_instance;

  GdkTexture *texture;
  cairo_surface_t *surface;  /* the texture's pixels as a cairo image surface, or NULL */
  guint margin_px;
};

static gboolean paint_surfaces;  /* the windows use the cairo renderer */

/* Surfaces of finalized tiles, destroyed a little later (see defer_surface_destroy()): those
 * dropped since the last tick, and those dropped before it. Main thread only. */
static GPtrArray *young_surfaces, *old_surfaces;
static guint surfaces_timeout;

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

  graphene_rect_t bounds = GRAPHENE_RECT_INIT (-bleed_x, -bleed_y,
                                               width + 2 * bleed_x, height + 2 * bleed_y);

  if (paint_surfaces && self->surface != NULL)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (GTK_SNAPSHOT (snapshot), &bounds);
      double sx = bounds.size.width / cairo_image_surface_get_width (self->surface);
      double sy = bounds.size.height / cairo_image_surface_get_height (self->surface);
      /* At rest a tile's texture maps whole device pixels onto logical ones (1, 2, 3 or 4 to
       * one), sharp with any filter; otherwise it is in a flight's zoom, where nearest-pixel
       * sampling halves the cost of a 4K frame and the motion hides it. */
      gboolean moving = fabs (1 / sx - round (1 / sx)) > 0.01;

      cairo_translate (cr, bounds.origin.x, bounds.origin.y);
      cairo_scale (cr, sx, sy);
      cairo_set_source_surface (cr, self->surface, 0, 0);
      /* What the texture node does (edges padded), without the conversion. */
      cairo_pattern_set_filter (cairo_get_source (cr),
                                moving ? CAIRO_FILTER_FAST : CAIRO_FILTER_BILINEAR);
      cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
      cairo_paint (cr);
      cairo_destroy (cr);
      return;
    }

  gtk_snapshot_append_texture (GTK_SNAPSHOT (snapshot), self->texture, &bounds);
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

static gboolean
on_surfaces_timeout (gpointer user_data)
{
  g_clear_pointer (&old_surfaces, g_ptr_array_unref);
  old_surfaces = g_steal_pointer (&young_surfaces);
  if (old_surfaces != NULL)
    return G_SOURCE_CONTINUE;

  surfaces_timeout = 0;
  return G_SOURCE_REMOVE;
}

/* A frame's render nodes reference the tile surfaces they painted through cairo's
 * copy-on-write snapshots, and GTK keeps the last frame's nodes. Destroying a surface while
 * such a node lives makes cairo copy all its pixels for the node, which is about to be freed
 * anyway: a megabyte a tile at 4K, for every tile libshumate drops from its cache while new
 * ones arrive in a flight. So the last reference goes 100 to 200 ms later, once GTK has let go
 * of the frames that painted the surface. */
static void
defer_surface_destroy (cairo_surface_t *surface)
{
  if (!g_main_context_is_owner (g_main_context_default ()))
    {
      cairo_surface_destroy (surface);
      return;
    }

  if (young_surfaces == NULL)
    young_surfaces = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  g_ptr_array_add (young_surfaces, surface);
  if (surfaces_timeout == 0)
    surfaces_timeout = g_timeout_add (100, on_surfaces_timeout, NULL);
}

static void
caravan_tile_paintable_finalize (GObject *object)
{
  CaravanTilePaintable *self = CARAVAN_TILE_PAINTABLE (object);

  g_clear_object (&self->texture);
  if (self->surface != NULL)
    defer_surface_destroy (g_steal_pointer (&self->surface));

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

/* A tile drawn from @surface (ARGB32), whose pixels @texture shares. */
CaravanTilePaintable *
caravan_tile_paintable_new_for_surface (cairo_surface_t *surface,
                                        GdkTexture      *texture,
                                        guint            margin_px)
{
  CaravanTilePaintable *self;

  g_return_val_if_fail (surface != NULL, NULL);
  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, NULL);

  self = caravan_tile_paintable_new (texture, margin_px);
  self->surface = cairo_surface_reference (surface);
  return self;
}

void
caravan_tile_paintable_set_paint_surfaces (gboolean paint)
{
  paint_surfaces = paint;
}

gboolean
caravan_tile_paintable_get_paint_surfaces (void)
{
  return paint_surfaces;
}

GdkTexture *
caravan_tile_paintable_get_texture (CaravanTilePaintable *self)
{
  g_return_val_if_fail (CARAVAN_IS_TILE_PAINTABLE (self), NULL);

  return self->texture;
}
