/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-window-edit.c: what the window adds for editing: the edit mode (the inspector in
 * place of the excerpts), an undo stack for each story shown, undo and redo, Save and Save As,
 * the unsaved-changes mark in the title, and asking before unsaved edits would be lost (closing,
 * opening another story, the file changing on disk). */

#define G_LOG_DOMAIN "caravan-window"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-inspector.h"
#include "caravan-map-view.h"
#include "caravan-place.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-story-writer.h"
#include "caravan-undo-stack.h"
#include "caravan-window-private.h"

static void
update_title (CaravanWindow *self)
{
  CaravanStory *story = caravan_selection_get_story (self->selection);
  const char *title = story != NULL ? caravan_story_get_title (story) : _("Caravan");
  gboolean modified = self->undo_stack != NULL &&
                      caravan_undo_stack_get_modified (self->undo_stack);
  /* Translators: the window title of a story with unsaved changes */
  g_autofree char *marked = modified ? g_strdup_printf (_("• %s"), title) : g_strdup (title);

  adw_window_title_set_title (self->window_title, marked);
  gtk_window_set_title (GTK_WINDOW (self), marked);
}

void
caravan_window_update_edit_actions (CaravanWindow *self)
{
  gboolean has_stack = self->undo_stack != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 has_stack && caravan_undo_stack_can_undo (self->undo_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 has_stack && caravan_undo_stack_can_redo (self->undo_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_stack);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_stack);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-mode", has_stack);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-place", has_stack);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-place-at", has_stack);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-place", has_stack);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-event",
                                 has_stack && caravan_selection_get_place (self->selection));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.set-step-camera",
                                 has_stack && caravan_selection_get_event (self->selection));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-step-camera",
                                 has_stack && caravan_selection_get_event (self->selection));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-selected",
                                 has_stack && (caravan_selection_get_place (self->selection) ||
                                               caravan_selection_get_event (self->selection)));
  {
    const char *undo = has_stack ? caravan_undo_stack_get_undo_label (self->undo_stack) : NULL;
    const char *redo = has_stack ? caravan_undo_stack_get_redo_label (self->undo_stack) : NULL;
    /* Translators: a tooltip; %s names the edit ("Rename Place") */
    g_autofree char *undo_tip = undo ? g_strdup_printf (_("Undo %s (Ctrl+Z)"), undo)
                                     : g_strdup (_("Undo (Ctrl+Z)"));
    /* Translators: a tooltip; %s names the edit ("Rename Place") */
    g_autofree char *redo_tip = redo ? g_strdup_printf (_("Redo %s (Ctrl+Shift+Z)"), redo)
                                     : g_strdup (_("Redo (Ctrl+Shift+Z)"));

    gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo_tip);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo_tip);
  }
  update_title (self);
}

static void
on_modified_changed (CaravanWindow *self)
{
  if (!caravan_window_get_modified (self))
    caravan_window_drop_recovery (self);
}

/* The edits of the story on screen start afresh with every story shown. */
void
caravan_window_reset_undo (CaravanWindow *self,
                           CaravanStory  *story)
{
  g_clear_object (&self->undo_stack);
  if (story != NULL)
    {
      self->undo_stack = caravan_undo_stack_new (story);
      g_signal_connect_object (self->undo_stack, "notify",
                               G_CALLBACK (caravan_window_update_edit_actions), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->undo_stack, "notify::modified",
                               G_CALLBACK (on_modified_changed), self, G_CONNECT_SWAPPED);
    }
  caravan_inspector_set_undo_stack (self->inspector, self->undo_stack);
  caravan_window_update_edit_actions (self);
}

gboolean
caravan_window_get_modified (CaravanWindow *self)
{
  g_return_val_if_fail (CARAVAN_IS_WINDOW (self), FALSE);
  return self->undo_stack != NULL && caravan_undo_stack_get_modified (self->undo_stack);
}

CaravanUndoStack *
caravan_window_get_undo_stack (CaravanWindow *self)
{
  g_return_val_if_fail (CARAVAN_IS_WINDOW (self), NULL);
  return self->undo_stack;
}

gboolean
caravan_window_get_editing (CaravanWindow *self)
{
  g_return_val_if_fail (CARAVAN_IS_WINDOW (self), FALSE);
  return self->editing;
}

void
caravan_window_set_editing (CaravanWindow *self,
                            gboolean       editing)
{
  g_return_if_fail (CARAVAN_IS_WINDOW (self));

  editing = !!editing;
  if (self->editing == editing)
    return;
  self->editing = editing;
  gtk_stack_set_visible_child_name (self->side_stack, editing ? "inspector" : "excerpts");
  gtk_widget_set_visible (GTK_WIDGET (self->undo_button), editing);
  gtk_widget_set_visible (GTK_WIDGET (self->redo_button), editing);
  g_object_notify (G_OBJECT (self), "editing");
}

void
caravan_window_undo_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CaravanWindow *self = CARAVAN_WINDOW (widget);

  if (self->undo_stack != NULL)
    caravan_undo_stack_undo (self->undo_stack);
}

void
caravan_window_redo_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CaravanWindow *self = CARAVAN_WINDOW (widget);

  if (self->undo_stack != NULL)
    caravan_undo_stack_redo (self->undo_stack);
}

/* Size and change time of @file, to tell Caravan's own save from another program's. */
static void
remember_saved_file (CaravanWindow *self,
                     GFile         *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  g_free (self->saved_stamp);
  self->saved_stamp = NULL;
  if (info != NULL)
    self->saved_stamp = g_strdup_printf ("%" G_GOFFSET_FORMAT ":%" G_GUINT64_FORMAT ":%u",
                                         g_file_info_get_size (info),
                                         g_file_info_get_attribute_uint64 (
                                           info, G_FILE_ATTRIBUTE_TIME_MODIFIED),
                                         g_file_info_get_attribute_uint32 (
                                           info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC));
}

gboolean
caravan_window_is_own_save (CaravanWindow *self,
                            GFile         *file)
{
  g_autofree char *saved = g_strdup (self->saved_stamp);

  if (saved == NULL)
    return FALSE;
  remember_saved_file (self, file);
  return g_strcmp0 (saved, self->saved_stamp) == 0;
}

/* A file Save may write over: a Caravan story (an imported GPX or KML is never replaced). */
static gboolean
is_caravan_file (GFile *file)
{
  g_autofree char *basename = file != NULL ? g_file_get_basename (file) : NULL;
  g_autofree char *lower = basename != NULL ? g_ascii_strdown (basename, -1) : NULL;

  return lower != NULL && g_str_has_suffix (lower, ".caravan");
}

gboolean
caravan_window_save_to_file (CaravanWindow  *self,
                             GFile          *file,
                             GError        **error)
{
  CaravanStory *story;

  g_return_val_if_fail (CARAVAN_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  story = caravan_selection_get_story (self->selection);
  if (story == NULL || self->undo_stack == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("No story is open"));
      return FALSE;
    }
  if (!caravan_story_writer_save (story, file, NULL, error))
    return FALSE;

  caravan_undo_stack_mark_saved (self->undo_stack);
  if (self->file == NULL || !g_file_equal (file, self->file))
    {
      g_autofree char *basename = g_file_get_basename (file);

      g_set_object (&self->file, file);
      caravan_window_watch_file (self, file);
      adw_window_title_set_subtitle (self->window_title, basename);
    }
  remember_saved_file (self, file);
  return TRUE;
}

static void
show_save_error (CaravanWindow *self,
                 GFile         *file,
                 const GError  *error)
{
  g_autofree char *basename = g_file_get_basename (file);
  /* Translators: %s is a file name */
  g_autofree char *heading = g_strdup_printf (_("“%s” could not be saved"), basename);

  caravan_window_show_error (self, heading, error->message);
}

static void
finish_pending (CaravanWindow *self,
                gboolean       saved);

static void
on_save_as_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(CaravanWindow) self = user_data;
  gboolean saved = FALSE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (chosen != NULL && is_caravan_file (chosen))
        saved = caravan_window_save_to_file (self, chosen, &error);
      else if (chosen != NULL)
        {
          g_autofree char *basename = g_file_get_basename (chosen);
          g_autofree char *named = g_strconcat (basename, ".caravan", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autoptr(GFile) file = parent ? g_file_get_child (parent, named)
                                         : g_file_new_for_path (named);

          saved = caravan_window_save_to_file (self, file, &error);
          g_set_object (&chosen, file);
        }
      if (error != NULL)
        show_save_error (self, chosen, error);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  finish_pending (self, saved);
}

static void
save_as (CaravanWindow *self)
{
  CaravanStory *story = caravan_selection_get_story (self->selection);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  if (story == NULL)
    return;
  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);
      char *dot = strrchr (basename, '.');

      if (dot != NULL && dot != basename)
        *dot = '\0';
      name = g_strconcat (basename, ".caravan", NULL);
    }
  else
    name = g_strconcat (caravan_story_get_id (story), ".caravan", NULL);

  /* Through the file chooser portal inside a sandbox, as Open is. */
  dialog = gtk_file_chooser_native_new (_("Save Story"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Caravan Stories"));
  gtk_file_filter_add_mime_type (filter, "application/x-caravan-story");
  gtk_file_filter_add_suffix (filter, "caravan");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_as_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Saves where the story came from when that is a Caravan file, else asks where. */
static void
save (CaravanWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!is_caravan_file (self->file))
    {
      save_as (self);
      return;
    }
  if (!caravan_window_save_to_file (self, self->file, &error))
    {
      show_save_error (self, self->file, error);
      finish_pending (self, FALSE);
      return;
    }
  finish_pending (self, TRUE);
}

void
caravan_window_save_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  save (CARAVAN_WINDOW (widget));
}

void
caravan_window_save_as_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  save_as (CARAVAN_WINDOW (widget));
}

/* What waits for the answer to "save the changes?": closing, or showing another story. */
static void
finish_pending (CaravanWindow *self,
                gboolean       saved)
{
  CaravanWindowPending pending = self->pending;
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);

  self->pending = CARAVAN_WINDOW_PENDING_NONE;
  if (!saved || pending == CARAVAN_WINDOW_PENDING_NONE)
    return;
  caravan_window_run_pending (self, pending, file);
}

static void
on_confirm_response (AdwMessageDialog *dialog,
                     const char       *response,
                     CaravanWindow    *self)
{
  if (g_str_equal (response, "save"))
    save (self);
  else if (g_str_equal (response, "discard"))
    {
      caravan_window_drop_recovery (self);
      finish_pending (self, TRUE);
    }
  else
    finish_pending (self, FALSE);
}

gboolean
caravan_window_confirm_unsaved (CaravanWindow        *self,
                                CaravanWindowPending  pending,
                                GFile                *file)
{
  CaravanStory *story = caravan_selection_get_story (self->selection);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  const char *body;

  if (!caravan_window_get_modified (self) || story == NULL)
    return FALSE;

  self->pending = pending;
  g_set_object (&self->pending_file, file);
  if (pending == CARAVAN_WINDOW_PENDING_RELOAD)
    {
      g_autofree char *basename = g_file_get_basename (file);

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("“%s” changed on disk"), basename);
      body = _("Another program changed the file while you have unsaved edits. Keep your "
               "edits, or load the file from disk and lose them?");
    }
  else
    {
      /* Translators: %s is a story's title */
      heading = g_strdup_printf (_("Save changes to “%s”?"), caravan_story_get_title (story));
      body = _("Your edits will be lost if you don’t save them.");
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  if (pending == CARAVAN_WINDOW_PENDING_RELOAD)
    {
      adw_message_dialog_add_responses (dialog, "cancel", _("_Keep My Edits"),
                                        "discard", _("_Load from Disk"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  else
    {
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                        "discard", _("_Discard"), "save", _("_Save"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "save");
    }
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

void
caravan_window_show_new_story (CaravanWindow *self)
{
  /* Translators: the title of a story made with New */
  g_autoptr(CaravanStory) story = caravan_story_new_untitled (_("Untitled Story"),
                                                              g_get_language_names ()[0]);

  caravan_window_show_story (self, story, NULL);
  /* Translators: the subtitle of a story made with New */
  adw_window_title_set_subtitle (self->window_title, _("Not saved yet"));
  caravan_window_set_editing (self, TRUE);
}

void
caravan_window_new_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CaravanWindow *self = CARAVAN_WINDOW (widget);

  if (!caravan_window_confirm_unsaved (self, CARAVAN_WINDOW_PENDING_NEW, NULL))
    caravan_window_show_new_story (self);
}
