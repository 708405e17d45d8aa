/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-basemap-tables.c: reads the base map file format and checks every index in it once,
 * so that the renderer can read the records in place without bounds checks.
 *
 * File layout: a 32-byte header ("CRVNMAP\0", version, section count, file size), a table of
 * 32-byte section entries (name[20], offset, size, record size), then 8-byte aligned sections:
 * strings, countries, labels, bands and per band b and layer L "bL.f" features, "bL.r" rings,
 * "bL.p" points and "bL.g" a grid of z6 cells listing the features that touch each cell. */

#define G_LOG_DOMAIN "caravan-basemap"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "caravan-basemap-tables.h"

#define MAGIC "CRVNMAP"
#define FORMAT_VERSION 1
#define HEADER_SIZE 32
#define ENTRY_SIZE 32

static const char *layer_names[CARAVAN_BASEMAP_N_LAYERS] = {
  "land", "border", "coast", "lake", "river", "rail", "road", "urban", "osmrail",
};

typedef struct
{
  const guint8 *data;
  gsize size;
  guint n_sections;
  const char *name;             /* for messages */
} Blob;

static gboolean
set_corrupt (GError     **error,
             const char  *name,
             const char  *what)
{
  /* Translators: the first %s is a file name, the second says what is wrong in it */
  g_set_error (error, CARAVAN_BASEMAP_ERROR, CARAVAN_BASEMAP_ERROR_CORRUPT,
               _("The map data “%s” is damaged (%s). Reinstall Caravan to repair it."),
               name, what);
  return FALSE;
}

static guint32
read_u32 (const guint8 *p)
{
  guint32 v;

  memcpy (&v, p, sizeof v);
  return GUINT32_FROM_LE (v);
}

static gboolean
open_blob (Blob         *blob,
           GBytes       *bytes,
           const char   *name,
           GError      **error)
{
  blob->data = g_bytes_get_data (bytes, &blob->size);
  blob->name = name;

  if (blob->size < HEADER_SIZE || memcmp (blob->data, MAGIC, 8) != 0)
    return set_corrupt (error, name, "not a Caravan map file");

  if (read_u32 (blob->data + 8) != FORMAT_VERSION)
    {
      g_set_error (error, CARAVAN_BASEMAP_ERROR, CARAVAN_BASEMAP_ERROR_VERSION,
                   /* Translators: %s is a file name */
                   _("The map data “%s” has a format this version of Caravan cannot read."),
                   name);
      return FALSE;
    }

  blob->n_sections = read_u32 (blob->data + 12);
  if (read_u32 (blob->data + 16) != blob->size)
    return set_corrupt (error, name, "truncated");
  if (blob->n_sections > 1024 || HEADER_SIZE + (gsize) blob->n_sections * ENTRY_SIZE > blob->size)
    return set_corrupt (error, name, "bad section table");
  if (((guintptr) blob->data & 7) != 0)
    return set_corrupt (error, name, "misaligned");

  return TRUE;
}

/* Finds a section and checks its bounds, alignment and record size. Missing is not an error. */
static gboolean
find_section (const Blob    *blob,
              const char    *name,
              gsize          record_size,
              gconstpointer *data,
              guint         *n_records,
              GError       **error)
{
  *data = NULL;
  *n_records = 0;

  for (guint i = 0; i < blob->n_sections; i++)
    {
      const guint8 *entry = blob->data + HEADER_SIZE + i * ENTRY_SIZE;
      char entry_name[21] = { 0 };
      guint32 offset, size, rsize;

      memcpy (entry_name, entry, 20);
      if (strcmp (entry_name, name) != 0)
        continue;

      offset = read_u32 (entry + 20);
      size = read_u32 (entry + 24);
      rsize = read_u32 (entry + 28);
      if (rsize != record_size || offset % 8 != 0 || size % record_size != 0 ||
          offset > blob->size || size > blob->size - offset)
        return set_corrupt (error, blob->name, name);

      *data = blob->data + offset;
      *n_records = size / record_size;
      return TRUE;
    }

  return TRUE;
}

static gboolean
load_layer (const Blob          *blob,
            guint                band,
            guint                kind,
            CaravanBasemapLayer *layer,
            GError             **error)
{
  char name[32];
  gconstpointer data;
  const guint32 *grid;
  guint n_grid;

  g_snprintf (name, sizeof name, "b%u.%s.f", band, layer_names[kind]);
  if (!find_section (blob, name, sizeof (CaravanBasemapFeature), &data, &layer->n_features, error))
    return FALSE;
  if (data == NULL)
    return TRUE;                /* this file does not carry the layer */
  layer->features = data;

  g_snprintf (name, sizeof name, "b%u.%s.r", band, layer_names[kind]);
  if (!find_section (blob, name, sizeof (CaravanBasemapRing), &data, &layer->n_rings, error))
    return FALSE;
  layer->rings = data;

  g_snprintf (name, sizeof name, "b%u.%s.p", band, layer_names[kind]);
  if (!find_section (blob, name, sizeof (CaravanBasemapPoint), &data, &layer->n_points, error))
    return FALSE;
  layer->points = data;

  g_snprintf (name, sizeof name, "b%u.%s.g", band, layer_names[kind]);
  if (!find_section (blob, name, sizeof (guint32), &data, &n_grid, error))
    return FALSE;
  grid = data;

  for (guint i = 0; i < layer->n_features; i++)
    {
      const CaravanBasemapFeature *f = &layer->features[i];

      if (f->first_ring > layer->n_rings || f->n_rings > layer->n_rings - f->first_ring ||
          f->x0 > f->x1 || f->y0 > f->y1)
        return set_corrupt (error, blob->name, name);
    }
  for (guint i = 0; i < layer->n_rings; i++)
    {
      const CaravanBasemapRing *r = &layer->rings[i];

      if (r->first_point > layer->n_points || r->n_points > layer->n_points - r->first_point)
        return set_corrupt (error, blob->name, name);
    }

  if (grid == NULL || n_grid < 5)
    return set_corrupt (error, blob->name, name);
  layer->grid_x0 = GUINT32_FROM_LE (grid[0]);
  layer->grid_y0 = GUINT32_FROM_LE (grid[1]);
  layer->grid_w = GUINT32_FROM_LE (grid[2]);
  layer->grid_h = GUINT32_FROM_LE (grid[3]);
  if (layer->grid_w > 1024 || layer->grid_h > 1024 ||
      (gsize) layer->grid_w * layer->grid_h + 1 > n_grid - 4)
    return set_corrupt (error, blob->name, name);
  layer->grid_offsets = grid + 4;
  layer->grid_ids = layer->grid_offsets + layer->grid_w * layer->grid_h + 1;
  {
    guint n_ids = n_grid - 4 - (layer->grid_w * layer->grid_h + 1);
    guint prev = 0;

    for (guint i = 0; i <= layer->grid_w * layer->grid_h; i++)
      {
        if (layer->grid_offsets[i] < prev || layer->grid_offsets[i] > n_ids)
          return set_corrupt (error, blob->name, name);
        prev = layer->grid_offsets[i];
      }
    for (guint i = 0; i < n_ids; i++)
      if (layer->grid_ids[i] >= layer->n_features)
        return set_corrupt (error, blob->name, name);
  }

  return TRUE;
}

static gboolean
load_bands (CaravanBasemapTables *t,
            const Blob           *blob,
            gboolean              define,
            GError              **error)
{
  gconstpointer data;
  guint n_bands;
  const guint8 *rec;

  if (!find_section (blob, "bands", 20, &data, &n_bands, error))
    return FALSE;
  if (data == NULL || n_bands == 0 || n_bands > CARAVAN_BASEMAP_MAX_BANDS ||
      (!define && n_bands != t->n_bands))
    return set_corrupt (error, blob->name, "bands");

  rec = data;
  for (guint b = 0; b < n_bands; b++, rec += 20)
    {
      CaravanBasemapBand *band = &t->bands[b];

      if (define)
        {
          band->min_zoom = read_u32 (rec);
          for (guint k = 0; k < 4; k++)
            band->box[k] = (gint32) read_u32 (rec + 4 + 4 * k);
        }
      for (guint kind = 0; kind < CARAVAN_BASEMAP_N_LAYERS; kind++)
        {
          if (band->layers[kind].features != NULL)
            continue;
          if (!load_layer (blob, b, kind, &band->layers[kind], error))
            return FALSE;
        }
    }
  t->n_bands = n_bands;
  return TRUE;
}

static gboolean
load_tables (CaravanBasemapTables *t,
             const Blob           *blob,
             GError              **error)
{
  gconstpointer data;
  guint n;

  if (!find_section (blob, "strings", 1, &data, &n, error))
    return FALSE;
  if (data == NULL || n == 0 || ((const char *) data)[n - 1] != '\0')
    return set_corrupt (error, blob->name, "strings");
  t->strings = data;
  t->strings_size = n;

  if (!find_section (blob, "countries", sizeof (CaravanBasemapCountry), &data, &t->n_countries,
                     error))
    return FALSE;
  t->countries = data;
  for (guint i = 0; i < t->n_countries; i++)
    for (guint l = 0; l < CARAVAN_BASEMAP_N_LANGUAGES; l++)
      if (t->countries[i].names[l] >= t->strings_size ||
          t->countries[i].iso3[3] != '\0' || t->countries[i].iso2[3] != '\0')
        return set_corrupt (error, blob->name, "countries");

  if (!find_section (blob, "hillshade.h", sizeof (CaravanBasemapReliefHeader), &data, &n, error))
    return FALSE;
  if (data != NULL)
    {
      const CaravanBasemapReliefHeader *h = data;
      gconstpointer cells;
      guint n_cells;

      if (!find_section (blob, "hillshade", 1, &cells, &n_cells, error))
        return FALSE;
      if (n != 1 || cells == NULL || h->width == 0 || h->width > 8192 || h->stride < h->width ||
          h->height == 0 || h->height > 8192 || (gsize) h->stride * h->height != n_cells ||
          h->x0 >= h->x1 || h->y0 >= h->y1)
        return set_corrupt (error, blob->name, "hillshade");
      t->relief.header = h;
      t->relief.cells = cells;
    }

  if (!find_section (blob, "labels", sizeof (CaravanBasemapLabel), &data, &t->n_labels, error))
    return FALSE;
  t->labels = data;
  for (guint i = 0; i < t->n_labels; i++)
    {
      const CaravanBasemapLabel *label = &t->labels[i];

      for (guint l = 0; l < CARAVAN_BASEMAP_N_LANGUAGES; l++)
        if (label->names[l] >= t->strings_size)
          return set_corrupt (error, blob->name, "labels");
      if (label->kind > CARAVAN_LABEL_PLACE)
        return set_corrupt (error, blob->name, "labels");
    }

  return TRUE;
}

gboolean
caravan_basemap_tables_read (CaravanBasemapTables  *t,
                             GBytes                *base,
                             GBytes                *lakes,
                             GError               **error)
{
  Blob blob;

  memset (t, 0, sizeof *t);
  if (!open_blob (&blob, base, "basemap.bin", error) ||
      !load_tables (t, &blob, error) ||
      !load_bands (t, &blob, TRUE, error))
    return FALSE;

  for (guint i = 0; i < t->n_labels; i++)
    if (t->labels[i].kind == CARAVAN_LABEL_COUNTRY && t->labels[i].country >= t->n_countries)
      return set_corrupt (error, "basemap.bin", "labels");
  for (guint b = 0; b < t->n_bands; b++)
    {
      const CaravanBasemapLayer *land = &t->bands[b].layers[CARAVAN_BASEMAP_LAND];

      for (guint i = 0; i < land->n_features; i++)
        if (land->features[i].attr >= t->n_countries)
          return set_corrupt (error, "basemap.bin", "land");
    }

  if (lakes != NULL &&
      (!open_blob (&blob, lakes, "lakes.bin", error) || !load_bands (t, &blob, FALSE, error)))
    return FALSE;

  return TRUE;
}
