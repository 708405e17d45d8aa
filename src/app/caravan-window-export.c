/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-window-export.c: taking a story out of the window: Export… (a PDF handout, GeoJSON,
 * KML with a tour, StoryMapJS JSON or a Caravan file), Export Image… (the map as it is on
 * screen, with pins and routes, as PNG at a size and scale) and Print. The files are written in
 * a thread, atomically, by the same GTK-free code as `caravan --convert` and --render-map, while
 * a toast says what is being written; the window stays usable. */

#define G_LOG_DOMAIN "caravan-window"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-basemap.h"
#include "caravan-export.h"
#include "caravan-file-save.h"
#include "caravan-handout.h"
#include "caravan-map-image.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-window-private.h"

typedef enum
{
  JOB_DATA,
  JOB_HANDOUT,
  JOB_IMAGE,
} JobKind;

typedef struct
{
  JobKind                 kind;
  CaravanStory           *story;
  GFile                  *file;
  CaravanExportFormat     format;   /* JOB_DATA */
  CaravanPaper            paper;    /* JOB_HANDOUT */
  CaravanMapImageOptions  image;    /* JOB_IMAGE; image.highlight holds a reference */
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->story);
  g_clear_object (&job->file);
  g_clear_object (&job->image.highlight);
  g_free (job);
}

/* What the Export… dialog offers, in its order; the first is the default. */
static const struct
{
  const char *suffix;
  const char *mime_type;
  const char *name;   /* translated when shown */
} export_formats[] = {
  /* Translators: a file type in the Export dialog */
  { "pdf", "application/pdf", N_("PDF Handout") },
  { "geojson", "application/geo+json", N_("GeoJSON (QGIS, Web Maps)") },
  /* Translators: a file type in the Export dialog; keep the product name */
  { "kml", "application/vnd.google-earth.kml+xml", N_("KML with a Tour (Google Earth)") },
  /* Translators: a file type in the Export dialog; keep the product name */
  { "json", "application/json", N_("StoryMapJS (Knight Lab)") },
  { "caravan", "application/x-caravan-story", N_("Caravan Story") },
};

static const char * const image_sizes[] = { "view", "1280x720", "1920x1080", "3840x2160", NULL };
static const char * const image_scales[] = { "1", "2", "3", NULL };

static void
run_export_job (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (job->kind)
    {
    case JOB_DATA:
      ok = caravan_export_save (job->story, job->format, job->file, cancellable, &error);
      break;
    case JOB_HANDOUT:
      ok = caravan_handout_save_pdf (job->story, job->paper, job->file, cancellable, &error);
      break;
    case JOB_IMAGE:
      {
        g_autoptr(CaravanBasemap) basemap = caravan_basemap_get_default (&error);
        cairo_surface_t *surface;
        g_autoptr(GBytes) png = NULL;

        if (basemap == NULL)
          break;
        surface = caravan_map_image_render (basemap, job->story, &job->image);
        if (surface == NULL)
          {
            g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         /* Translators: %d is a number of pixels */
                         _("A picture can be at most %d pixels wide and high"),
                         CARAVAN_MAP_IMAGE_MAX_SIDE);
            break;
          }
        png = caravan_map_image_to_png (surface, &error);
        cairo_surface_destroy (surface);
        if (png != NULL)
          ok = caravan_file_save (job->file, g_bytes_get_data (png, NULL), g_bytes_get_size (png),
                                  CARAVAN_FILE_SAVE_NONE, cancellable, &error);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static char *
get_display_basename (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CaravanWindow *self = CARAVAN_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = get_display_basename (job->file);
  g_autoptr(GError) error = NULL;

  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  self->exporting = FALSE;
  if (self->export_toast != NULL)
    adw_toast_dismiss (self->export_toast);
  g_clear_object (&self->export_toast);
  /* Cancelled: the window is being closed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  caravan_window_update_export_actions (self);

  if (ok)
    {
      /* Translators: %s is a file name */
      g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
    }
  else
    {
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("“%s” could not be exported"), name);

      caravan_window_show_error (self, heading, error->message);
    }
}

static void
start_job (CaravanWindow *self,
           ExportJob     *job)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, on_export_done, NULL);
  g_autofree char *name = get_display_basename (job->file);
  /* Translators: %s is a file name; shown while it is written */
  g_autofree char *title = g_strdup_printf (_("Exporting “%s”…"), name);

  g_set_object (&self->export_toast, adw_toast_new (title));
  adw_toast_set_timeout (self->export_toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->export_toast));
  self->exporting = TRUE;
  caravan_window_update_export_actions (self);

  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, run_export_job);
}

/* The format of @file: by its extension, else the chosen filter's, which is then added to
 * the name. Returns the file to write (a new reference). */
static GFile *
resolve_export_file (GFile  *file,
                     guint   filter_index,
                     guint  *format_index)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *named = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      g_autofree char *suffix = g_strconcat (".", export_formats[i].suffix, NULL);
      g_autofree char *lower = g_ascii_strdown (basename, -1);

      if (g_str_has_suffix (lower, suffix))
        {
          *format_index = i;
          return g_object_ref (file);
        }
    }

  *format_index = MIN (filter_index, G_N_ELEMENTS (export_formats) - 1);
  parent = g_file_get_parent (file);
  named = g_strconcat (basename, ".", export_formats[*format_index].suffix, NULL);
  return parent != NULL ? g_file_get_child (parent, named) : g_file_new_for_path (named);
}

/* The story's title as a file name: no folder separators, no leading dot. */
static char *
suggest_file_name (CaravanWindow *self,
                   const char    *tail,
                   const char    *suffix)
{
  CaravanStory *story = caravan_selection_get_story (self->selection);
  const char *title = story != NULL ? caravan_story_get_title (story) : NULL;
  g_autofree char *base = g_strdup (title != NULL && *title != '\0' ? title : _("Story"));

  g_strdelimit (base, "/\\:", '-');
  g_strstrip (base);
  return g_strconcat (base[0] == '.' ? "_" : "", base, tail, ".", suffix, NULL);
}

void
caravan_window_export_to_file (CaravanWindow *self,
                               GFile         *file,
                               CaravanPaper   paper)
{
  CaravanStory *story = caravan_selection_get_story (self->selection);
  g_autofree char *basename = NULL;
  ExportJob *job;

  g_return_if_fail (CARAVAN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (story == NULL || self->exporting)
    return;

  basename = g_file_get_basename (file);
  job = g_new0 (ExportJob, 1);
  job->story = g_object_ref (story);
  job->file = g_object_ref (file);
  job->paper = paper;
  job->format = caravan_export_format_for_name (basename);
  job->kind = job->format == CARAVAN_EXPORT_FORMAT_UNKNOWN ? JOB_HANDOUT : JOB_DATA;
  start_job (self, job);
}

void
caravan_window_export_image_to_file (CaravanWindow *self,
                                     GFile         *file,
                                     int            width,
                                     int            height,
                                     double         scale)
{
  CaravanStory *story = caravan_selection_get_story (self->selection);
  ShumateViewport *viewport = caravan_map_view_get_viewport (self->map_view);
  CaravanPlace *place = caravan_selection_get_place (self->selection);
  ExportJob *job;

  g_return_if_fail (CARAVAN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (story == NULL || self->exporting)
    return;

  job = g_new0 (ExportJob, 1);
  job->kind = JOB_IMAGE;
  job->story = g_object_ref (story);
  job->file = g_object_ref (file);
  job->image.latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  job->image.longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  job->image.zoom = shumate_viewport_get_zoom_level (viewport);
  job->image.width = width > 0 ? width
                               : MAX (1, gtk_widget_get_width (GTK_WIDGET (self->map_view)));
  job->image.height = height > 0 ? height
                                 : MAX (1, gtk_widget_get_height (GTK_WIDGET (self->map_view)));
  job->image.scale = scale > 0 ? scale : 1.0;
  job->image.theme = caravan_map_view_get_theme (self->map_view);
  job->image.highlight = place != NULL ? g_object_ref (place) : NULL;
  start_job (self, job);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(CaravanWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);
      g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (chooser);
      GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
      const char *paper_name = gtk_file_chooser_get_choice (chooser, "paper");
      guint filter_index = 0;
      guint format_index;
      CaravanPaper paper = caravan_paper_from_locale ();

      for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (filters, i);

          if (item == (GObject *) filter)
            filter_index = i;
        }
      if (paper_name != NULL)
        caravan_paper_from_string (paper_name, &paper);
      if (chosen != NULL)
        {
          g_autoptr(GFile) file = resolve_export_file (chosen, filter_index, &format_index);

          caravan_window_export_to_file (self, file, paper);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
caravan_window_export_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  CaravanWindow *self = CARAVAN_WINDOW (widget);
  static const char * const paper_ids[] = { "a4", "letter", NULL };
  const char *paper_labels[] = { _("A4"), _("Letter"), NULL };
  GtkFileChooserNative *dialog;
  g_autofree char *name = suggest_file_name (self, "", "pdf");

  if (caravan_selection_get_story (self->selection) == NULL)
    return;

  /* Through the file chooser portal inside a sandbox, as Open is. */
  dialog = gtk_file_chooser_native_new (_("Export Story"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *label = g_strdup_printf ("%s (.%s)", _(export_formats[i].name),
                                                export_formats[i].suffix);

      gtk_file_filter_set_name (filter, label);
      gtk_file_filter_add_mime_type (filter, export_formats[i].mime_type);
      gtk_file_filter_add_suffix (filter, export_formats[i].suffix);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  /* Translators: the paper size of the PDF handout */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "paper", _("Handout paper"),
                               (const char **) paper_ids, paper_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "paper",
                               caravan_paper_from_locale () == CARAVAN_PAPER_LETTER ? "letter"
                                                                                  : "a4");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_export_image_response (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  g_autoptr(CaravanWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);
      const char *size = gtk_file_chooser_get_choice (chooser, "size");
      const char *scale = gtk_file_chooser_get_choice (chooser, "scale");
      int width = 0, height = 0;

      if (size != NULL && !g_str_equal (size, "view"))
        sscanf (size, "%dx%d", &width, &height);
      if (chosen != NULL)
        {
          g_autofree char *basename = g_file_get_basename (chosen);
          g_autofree char *lower = g_ascii_strdown (basename, -1);
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *named = g_strconcat (basename, ".png", NULL);
          g_autoptr(GFile) file = g_str_has_suffix (lower, ".png") || parent == NULL
                                  ? g_object_ref (chosen) : g_file_get_child (parent, named);

          caravan_window_export_image_to_file (self, file, width, height,
                                               scale != NULL ? g_ascii_strtod (scale, NULL)
                                                             : 1.0);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
caravan_window_export_image_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  CaravanWindow *self = CARAVAN_WINDOW (widget);
  g_autofree char *view_label = NULL;
  g_autofree char *name = NULL;
  const char *size_labels[G_N_ELEMENTS (image_sizes)];
  /* Translators: pixel scales of an exported picture */
  const char *scale_labels[] = { _("1× (as on screen)"), _("2× (sharp, for print)"),
                                 _("3×"), NULL };
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  if (caravan_selection_get_story (self->selection) == NULL)
    return;

  /* Translators: the size of the map on screen, in pixels: "As on screen (960 × 640)" */
  view_label = g_strdup_printf (_("As on screen (%d × %d)"),
                                gtk_widget_get_width (GTK_WIDGET (self->map_view)),
                                gtk_widget_get_height (GTK_WIDGET (self->map_view)));
  size_labels[0] = view_label;
  /* Translators: picture sizes in pixels */
  size_labels[1] = _("1280 × 720 (HD)");
  size_labels[2] = _("1920 × 1080 (Full HD)");
  size_labels[3] = _("3840 × 2160 (4K)");
  size_labels[4] = NULL;
  name = suggest_file_name (self, _(" – map"), "png");

  dialog = gtk_file_chooser_native_new (_("Export Map Image"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("PNG Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  /* Translators: a choice in the Export Map Image dialog */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "size", _("Size"),
                               (const char **) image_sizes, size_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "size", "view");
  /* Translators: a choice in the Export Map Image dialog */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "scale", _("Pixel scale"),
                               (const char **) image_scales, scale_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "scale", "1");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_image_response),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                CaravanHandout    *handout)
{
  guint n_pages = caravan_handout_paginate (handout, gtk_print_context_get_cairo_context (context),
                                            gtk_print_context_get_width (context),
                                            gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              CaravanHandout    *handout)
{
  caravan_handout_draw_page (handout, gtk_print_context_get_cairo_context (context),
                             (guint) page);
}

GtkPrintOperation *
caravan_window_create_print_operation (CaravanWindow *self)
{
  CaravanStory *story;
  GtkPrintOperation *operation;
  CaravanHandout *handout;

  g_return_val_if_fail (CARAVAN_IS_WINDOW (self), NULL);

  story = caravan_selection_get_story (self->selection);
  if (story == NULL)
    return NULL;

  handout = caravan_handout_new (story);
  operation = gtk_print_operation_new ();
  /* Pages in points, as the handout lays them out; the dialog's paper size is the one used. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, caravan_story_get_title (story));
  gtk_print_operation_set_show_progress (operation, TRUE);
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (on_begin_print), handout,
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), handout);
  return operation;
}

void
caravan_window_print_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  CaravanWindow *self = CARAVAN_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = caravan_window_create_print_operation (self);
  g_autoptr(GError) error = NULL;

  if (operation == NULL)
    return;
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    caravan_window_show_error (self, _("The story could not be printed"), error->message);
}

gboolean
caravan_window_is_exporting (CaravanWindow *self)
{
  g_return_val_if_fail (CARAVAN_IS_WINDOW (self), FALSE);

  return self->exporting;
}

void
caravan_window_update_export_actions (CaravanWindow *self)
{
  gboolean can = !self->exporting && caravan_selection_get_story (self->selection) != NULL &&
                 g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "story") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-image", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print",
                                 caravan_selection_get_story (self->selection) != NULL);
}
