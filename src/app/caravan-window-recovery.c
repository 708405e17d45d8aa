/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-window-recovery.c: unsaved edits are copied to a recovery file a few seconds after
 * they are made (caravan-recovery.c), and the copy goes once they are saved or discarded; the
 * next start after a crash offers to restore them. */

#define G_LOG_DOMAIN "caravan-window"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-recovery.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"
#include "caravan-undo-stack.h"
#include "caravan-window-private.h"

/* At most this long between an edit and its copy on disk. */
#define RECOVERY_DELAY_MS 2000

static gboolean
on_recovery_timeout (gpointer user_data)
{
  CaravanWindow *self = user_data;
  CaravanStory *story = caravan_selection_get_story (self->selection);
  g_autoptr(GError) error = NULL;

  self->recovery_timeout = 0;
  if (story == NULL || !caravan_window_get_modified (self))
    return G_SOURCE_REMOVE;
  if (!caravan_recovery_write (story, self->file, &error))
    g_warning ("Unsaved edits could not be copied for recovery: %s", error->message);
  return G_SOURCE_REMOVE;
}

/* Called while an edit is applied, before the undo stack counts it: whether the story is
 * modified is decided when the copy is due. */
void
caravan_window_schedule_recovery (CaravanWindow *self)
{
  if (self->recovery_timeout == 0)
    self->recovery_timeout = g_timeout_add (RECOVERY_DELAY_MS, on_recovery_timeout, self);
}

void
caravan_window_drop_recovery (CaravanWindow *self)
{
  g_clear_handle_id (&self->recovery_timeout, g_source_remove);
  caravan_recovery_remove (self->file);
}

static void
restore (CaravanWindow        *self,
         CaravanRecoveryEntry *entry)
{
  g_autoptr(GFile) copy = g_file_new_for_path (entry->path);
  g_autoptr(GFile) origin = entry->origin_uri ? g_file_new_for_uri (entry->origin_uri) : NULL;
  g_autofree char *basename = origin ? g_file_get_basename (origin) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = caravan_story_loader_load_file (copy, NULL, NULL, &error);
  gboolean caravan_file = basename != NULL && g_str_has_suffix (basename, ".caravan");

  if (story == NULL)
    {
      g_warning ("The recovered edits could not be read: %s", error->message);
      return;
    }
  /* A copy of an imported GPX or KML is saved as a new Caravan file, never over it. */
  caravan_window_show_story (self, story, caravan_file ? origin : NULL);
  caravan_undo_stack_mark_unsaved (self->undo_stack);
  if (!caravan_file && origin != NULL)
    caravan_recovery_remove (origin);
  on_recovery_timeout (self);
}

static void
on_offer_response (AdwMessageDialog *dialog,
                   const char       *response,
                   CaravanWindow    *self)
{
  CaravanRecoveryEntry *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr(GFile) origin = entry->origin_uri ? g_file_new_for_uri (entry->origin_uri) : NULL;

  if (g_str_equal (response, "restore"))
    restore (self, entry);
  else if (g_str_equal (response, "discard"))
    caravan_recovery_remove (origin);
}

void
caravan_window_offer_recovery (CaravanWindow *self)
{
  g_autoptr(GPtrArray) entries = caravan_recovery_list ();
  CaravanRecoveryEntry *entry;
  g_autoptr(GFile) origin = NULL;
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GDateTime) time = NULL;
  AdwMessageDialog *dialog;

  g_return_if_fail (CARAVAN_IS_WINDOW (self));

  if (entries->len == 0)
    return;
  entry = g_ptr_array_steal_index (entries, 0);
  origin = entry->origin_uri ? g_file_new_for_uri (entry->origin_uri) : NULL;
  name = origin ? g_file_get_basename (origin) : g_strdup (_("the bundled story"));
  time = g_date_time_new_from_unix_local (entry->saved_at);
  when = time ? g_date_time_format (time, "%c") : g_strdup ("?");
  /* Translators: the first %s is a file name (or "the bundled story"), the second a time */
  body = g_strdup_printf (_("Caravan closed before your edits of “%s” were saved. The copy kept "
                            "at %s can be restored."), name, when);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Restore Unsaved Edits?"), body));
  adw_message_dialog_add_responses (dialog, "discard", _("_Discard"),
                                    "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  /* Closed without an answer: the copy stays for the next start. */
  adw_message_dialog_set_close_response (dialog, "later");
  g_object_set_data_full (G_OBJECT (dialog), "entry", entry,
                          (GDestroyNotify) caravan_recovery_entry_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_offer_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
