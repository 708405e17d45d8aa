/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-render-command.c: parses the --render-map arguments and draws the map into one PNG
 * offscreen, with the same renderer as the tiles (no GTK, no window), and a story's routes and
 * pins over it when one is given. */

#define G_LOG_DOMAIN "caravan-render-command"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>

#include "caravan-basemap.h"
#include "caravan-map-image.h"
#include "caravan-render-command.h"
#include "caravan-story.h"

#define MAX_SIDE CARAVAN_MAP_IMAGE_MAX_SIDE

static gboolean
parse_double (const char *text,
              double      min,
              double      max,
              double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (*copy == '\0')
    return FALSE;
  *out = g_ascii_strtod (copy, &end);
  return end != NULL && *end == '\0' && isfinite (*out) && *out >= min && *out <= max;
}

static gboolean
parse_center (const char *text,
              double     *lat,
              double     *lon,
              guint      *zoom)
{
  g_auto(GStrv) parts = NULL;
  double z;

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, ",", -1);
  if (g_strv_length (parts) != 3)
    return FALSE;
  if (!parse_double (parts[0], -85.0, 85.0, lat) ||
      !parse_double (parts[1], -180.0, 180.0, lon) ||
      !parse_double (parts[2], 0, 12, &z) || z != floor (z))
    return FALSE;
  *zoom = (guint) z;
  return TRUE;
}

static gboolean
parse_size (const char *text,
            int        *width,
            int        *height)
{
  g_auto(GStrv) parts = NULL;
  guint64 w, h;

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, "x", -1);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, MAX_SIDE, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, MAX_SIDE, &h, NULL))
    return FALSE;
  *width = w;
  *height = h;
  return TRUE;
}

#define DEFAULT_SIZE "1024x768"  /* as --help says */

static cairo_status_t
write_to_file (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  FILE *file = closure;

  return fwrite (data, 1, length, file) == length ? CAIRO_STATUS_SUCCESS
                                                  : CAIRO_STATUS_WRITE_ERROR;
}

/* cairo_surface_write_to_png(), but keeping the reason (errno) a write failed for. */
static cairo_status_t
write_png (cairo_surface_t *surface,
           const char      *path,
           int             *write_errno)
{
  FILE *file = g_fopen (path, "wb");
  cairo_status_t status;

  if (file == NULL)
    {
      *write_errno = errno;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  errno = 0;
  status = cairo_surface_write_to_png_stream (surface, write_to_file, file);
  if (status != CAIRO_STATUS_SUCCESS)
    *write_errno = errno;
  if (fclose (file) != 0 && status == CAIRO_STATUS_SUCCESS)
    {
      *write_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }
  return status;
}

/**
 * caravan_render_map_command:
 * @center: "LAT,LON,ZOOM", zoom an integer 0–12
 * @size: "WxH" in pixels, each 1–8192
 * @theme: "light", "dark" or "projector"; %NULL for light
 * @story: (nullable): a story whose routes and pins are drawn over the map; the base map then
 *   leaves the story's places to the pins' names
 * @output: the PNG file to write
 * @err: receives a message for the user when the result is not 0
 *
 * Returns: 0 on success, 2 for bad arguments, 1 when the map could not be drawn or written.
 */
int
caravan_render_map_command (const char   *center,
                            const char   *size,
                            const char   *theme,
                            CaravanStory *story,
                            const char   *output,
                            GString      *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanBasemap) basemap = NULL;
  CaravanMapTheme map_theme = CARAVAN_MAP_THEME_LIGHT;
  cairo_surface_t *surface;
  cairo_status_t status;
  double lat, lon;
  guint zoom;
  int width, height;
  int write_errno = 0;

  g_return_val_if_fail (err != NULL, CARAVAN_RENDER_MAP_BAD_ARGUMENTS);
  g_return_val_if_fail (story == NULL || CARAVAN_IS_STORY (story),
                        CARAVAN_RENDER_MAP_BAD_ARGUMENTS);

  if (!parse_center (center, &lat, &lon, &zoom))
    {
      /* Translators: do not translate LAT,LON,ZOOM; %s is what the user gave */
      g_string_append_printf (err, _("--render-map needs LAT,LON,ZOOM such as 44.2,80.4,7 "
                                     "(latitude −85…85, longitude −180…180, whole zoom 0…12), "
                                     "not “%s”."), center != NULL ? center : "");
      return CARAVAN_RENDER_MAP_BAD_ARGUMENTS;
    }
  if (!parse_size (size != NULL ? size : DEFAULT_SIZE, &width, &height))
    {
      /* Translators: do not translate WxH; %s is what the user gave */
      g_string_append_printf (err, _("--size needs WxH in pixels such as 1200x800 "
                                     "(each 1…8192), not “%s”."), size != NULL ? size : "");
      return CARAVAN_RENDER_MAP_BAD_ARGUMENTS;
    }
  if (theme != NULL && !caravan_map_theme_from_string (theme, &map_theme))
    {
      /* Translators: do not translate light, dark, projector; %s is what the user gave */
      g_string_append_printf (err, _("--theme must be light, dark or projector, not “%s”."), theme);
      return CARAVAN_RENDER_MAP_BAD_ARGUMENTS;
    }
  if (output == NULL || *output == '\0')
    {
      g_string_append (err, _("--output needs the name of the PNG file to write."));
      return CARAVAN_RENDER_MAP_BAD_ARGUMENTS;
    }

  basemap = caravan_basemap_get_default (&error);
  if (basemap == NULL)
    {
      /* Draws a plain map all the same, but says why. */
      g_string_append_printf (err, "%s\n", error->message);
    }
  {
    /* Labels in the UI language where the map has it. */
    CaravanMapImageOptions options = { lat, lon, zoom, width, height, 1.0, map_theme, NULL,
                                       NULL };

    surface = caravan_map_image_render (basemap, story, &options);
  }

  status = write_png (surface, output, &write_errno);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (output);

      /* Translators: %s is a file name, then the reason ("No space left on device") */
      g_string_append_printf (err, _("Could not write “%s”: %s"), display,
                              write_errno != 0 ? g_strerror (write_errno)
                                               : cairo_status_to_string (status));
      return CARAVAN_RENDER_MAP_FAILED;
    }

  return basemap != NULL ? CARAVAN_RENDER_MAP_OK : CARAVAN_RENDER_MAP_FAILED;
}
