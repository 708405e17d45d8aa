/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import-report.c: the notes an import leaves for the user, in source order. */

#define G_LOG_DOMAIN "caravan-import-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "caravan-import-report.h"
#include "caravan-json-scanner.h"

typedef struct
{
  CaravanImportNoteKind kind;
  char *location;
  char *message;
} Note;

struct _CaravanImportReport
{
  GObject parent_instance;

  char *source_name;
  char *format;
  char *summary;
  GArray *notes;  /* Note */
  gboolean capped;  /* notes beyond MAX_NOTES were left out, and a note says so */
};

G_DEFINE_FINAL_TYPE (CaravanImportReport, caravan_import_report, G_TYPE_OBJECT)

/* Warnings and dropped items beyond this many are left out, with one note that says so: a
 * 100,000-line file must not make a report larger than the story. Errors are always kept (the
 * loader has them in memory already, and each says where a file must be fixed). */
#define MAX_NOTES 1000

static void
clear_note (gpointer data)
{
  Note *note = data;

  g_free (note->location);
  g_free (note->message);
}

static const char *
kind_label (CaravanImportNoteKind kind)
{
  switch (kind)
    {
    case CARAVAN_IMPORT_NOTE_DROPPED:
      /* Translators: prefix of an import note: the item was left out */
      return _("dropped");
    case CARAVAN_IMPORT_NOTE_GUESSED:
      /* Translators: prefix of an import note: the item was converted with a guess */
      return _("guessed");
    case CARAVAN_IMPORT_NOTE_ERROR:
    default:
      return _("error");
    }
}

static void
caravan_import_report_finalize (GObject *object)
{
  CaravanImportReport *self = CARAVAN_IMPORT_REPORT (object);

  g_free (self->source_name);
  g_free (self->format);
  g_free (self->summary);
  g_array_unref (self->notes);

  G_OBJECT_CLASS (caravan_import_report_parent_class)->finalize (object);
}

static void
caravan_import_report_class_init (CaravanImportReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = caravan_import_report_finalize;
}

static void
caravan_import_report_init (CaravanImportReport *self)
{
  self->notes = g_array_new (FALSE, TRUE, sizeof (Note));
  g_array_set_clear_func (self->notes, clear_note);
}

CaravanImportReport *
caravan_import_report_new (const char *source_name)
{
  CaravanImportReport *self = g_object_new (CARAVAN_TYPE_IMPORT_REPORT, NULL);

  self->source_name = g_strdup (source_name);
  return self;
}

const char *
caravan_import_report_get_source_name (CaravanImportReport *self)
{
  g_return_val_if_fail (CARAVAN_IS_IMPORT_REPORT (self), NULL);
  return self->source_name;
}

const char *
caravan_import_report_get_format (CaravanImportReport *self)
{
  g_return_val_if_fail (CARAVAN_IS_IMPORT_REPORT (self), NULL);
  return self->format;
}

void
caravan_import_report_set_format (CaravanImportReport *self,
                                  const char          *format)
{
  g_return_if_fail (CARAVAN_IS_IMPORT_REPORT (self));
  g_free (self->format);
  self->format = g_strdup (format);
}

void
caravan_import_report_add (CaravanImportReport  *self,
                           CaravanImportNoteKind kind,
                           const char           *location,
                           const char           *format,
                           ...)
{
  Note note;
  va_list args;

  g_return_if_fail (CARAVAN_IS_IMPORT_REPORT (self));

  if (self->notes->len >= MAX_NOTES && kind != CARAVAN_IMPORT_NOTE_ERROR)
    {
      if (!self->capped)
        {
          note = (Note) {
            .kind = CARAVAN_IMPORT_NOTE_DROPPED,
            .message = g_strdup_printf (_("more than %d notes; further warnings are left out"),
                                        MAX_NOTES),
          };
          g_array_append_val (self->notes, note);
          self->capped = TRUE;
        }
      return;
    }

  va_start (args, format);
  note = (Note) {
    .kind = kind,
    .location = g_strdup (location),
    .message = g_strdup_vprintf (format, args),
  };
  va_end (args);
  g_array_append_val (self->notes, note);
}

guint
caravan_import_report_get_n_notes (CaravanImportReport *self)
{
  g_return_val_if_fail (CARAVAN_IS_IMPORT_REPORT (self), 0);
  return self->notes->len;
}

guint
caravan_import_report_count (CaravanImportReport  *self,
                             CaravanImportNoteKind kind)
{
  guint n = 0;

  g_return_val_if_fail (CARAVAN_IS_IMPORT_REPORT (self), 0);

  for (guint i = 0; i < self->notes->len; i++)
    n += g_array_index (self->notes, Note, i).kind == kind;
  return n;
}

const char *
caravan_import_report_get_note (CaravanImportReport   *self,
                                guint                  index,
                                CaravanImportNoteKind *kind,
                                const char           **location)
{
  const Note *note;

  g_return_val_if_fail (CARAVAN_IS_IMPORT_REPORT (self), NULL);
  g_return_val_if_fail (index < self->notes->len, NULL);

  note = &g_array_index (self->notes, Note, index);
  if (kind != NULL)
    *kind = note->kind;
  if (location != NULL)
    *location = note->location;
  return note->message;
}

static gboolean
is_json_path (const char *location)
{
  return location != NULL && location[0] != '\0' && !g_ascii_isdigit (location[0]) &&
         strchr (location, '/') == NULL && strchr (location, ' ') == NULL;
}

void
caravan_import_report_resolve_json_paths (CaravanImportReport *self,
                                          const char          *data,
                                          gsize                length)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) positions = caravan_json_positions_new ();
  CaravanJsonScanError scan_error = { 0 };
  guint n_wanted = 0;

  g_return_if_fail (CARAVAN_IS_IMPORT_REPORT (self));

  for (guint i = 0; i < self->notes->len; i++)
    {
      const Note *note = &g_array_index (self->notes, Note, i);

      if (is_json_path (note->location))
        {
          caravan_json_want_path (wanted, note->location);
          n_wanted++;
        }
    }
  if (n_wanted == 0)
    return;
  g_hash_table_add (wanted, g_strdup (""));

  if (!caravan_json_scan (data, length, 64, G_MAXUINT, positions, wanted, NULL, &scan_error))
    {
      g_free (scan_error.message);
      return;
    }

  for (guint i = 0; i < self->notes->len; i++)
    {
      Note *note = &g_array_index (self->notes, Note, i);
      g_autofree char *key = NULL;

      if (!is_json_path (note->location))
        continue;
      /* The closest recorded ancestor: a missing member is reported at its object. */
      key = g_strdup (note->location);
      for (;;)
        {
          const CaravanJsonPosition *position = g_hash_table_lookup (positions, key);
          char *cut;

          if (position != NULL)
            {
              char *resolved = g_strdup_printf ("%u:%u (%s)", position->line, position->column,
                                                note->location);

              g_free (note->location);
              note->location = resolved;
              break;
            }
          if (key[0] == '\0')
            break;
          cut = MAX (strrchr (key, '.'), strrchr (key, '['));
          *(cut != NULL ? cut : key) = '\0';
        }
    }
}

void
caravan_import_report_set_summary (CaravanImportReport *self,
                                   const char          *summary)
{
  g_return_if_fail (CARAVAN_IS_IMPORT_REPORT (self));
  g_free (self->summary);
  self->summary = g_strdup (summary);
}

const char *
caravan_import_report_get_summary (CaravanImportReport *self)
{
  g_return_val_if_fail (CARAVAN_IS_IMPORT_REPORT (self), NULL);
  return self->summary;
}

char *
caravan_import_report_to_string (CaravanImportReport *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (CARAVAN_IS_IMPORT_REPORT (self), NULL);

  if (self->summary != NULL)
    g_string_append_printf (text, "%s: %s\n", self->source_name, self->summary);
  for (guint i = 0; i < self->notes->len; i++)
    {
      const Note *note = &g_array_index (self->notes, Note, i);

      g_string_append (text, self->source_name);
      if (note->location != NULL)
        g_string_append_printf (text, ":%s", note->location);
      g_string_append_printf (text, ": %s: %s\n", kind_label (note->kind), note->message);
    }
  return g_string_free (text, FALSE);
}
