/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-inspector.c: every field writes through the undo stack with merging on, so typing
 * in one field is one undo step; moving to another field, or another item, seals the step.
 * When the item changes under it (undo, redo), the fields are filled again with their
 * handlers blocked, and a field that already holds the value is left alone so the cursor
 * stays where the user is typing. */

#define G_LOG_DOMAIN "caravan-inspector"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-typed-date.h"
#include "caravan-inspector.h"
#include "caravan-inspector-private.h"
#include "caravan-place.h"
#include "caravan-selection.h"
#include "caravan-story.h"

G_DEFINE_FINAL_TYPE (CaravanInspector, caravan_inspector, GTK_TYPE_WIDGET)

static void
set_entry_text (gpointer    editable,
                const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editable)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (editable), text ? text : "");
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *current = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, text ? text : "") != 0)
    gtk_text_buffer_set_text (buffer, text ? text : "", -1);
}

static char *
get_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* "Border, rail , ,Trade" -> { "Border", "rail", "Trade" }. */
static GStrv
split_tags (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv tags;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  tags = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return tags;
}

static void
fill_fields (CaravanInspector *self)
{
  self->filling = TRUE;
  if (CARAVAN_IS_PLACE (self->item))
    {
      CaravanPlace *place = CARAVAN_PLACE (self->item);

      set_entry_text (self->place_name_row, caravan_place_get_name (place));
      set_entry_text (self->place_kind_row, caravan_place_get_kind (place));
      gtk_switch_set_active (self->place_featured_switch, caravan_place_get_featured (place));
      gtk_spin_button_set_value (self->place_latitude_spin, caravan_place_get_latitude (place));
      gtk_spin_button_set_value (self->place_longitude_spin,
                                 caravan_place_get_longitude (place));
      set_view_text (self->place_description_view, caravan_place_get_description (place));
      {
        g_autoptr(GHashTable) names = NULL;
        AdwEntryRow *rows[] = { self->place_name_ru_row, self->place_name_kk_row,
                                self->place_name_zh_row };
        const char *langs[] = { "ru", "kk", "zh" };

        g_object_get (place, "names", &names, NULL);
        for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
          set_entry_text (rows[i], names ? g_hash_table_lookup (names, langs[i]) : NULL);
      }
    }
  else if (CARAVAN_IS_EVENT (self->item))
    {
      CaravanEvent *event = CARAVAN_EVENT (self->item);
      g_autofree char *shown = caravan_date_format (caravan_event_get_date (event));
      const char *date_text = shown;

      set_entry_text (self->event_title_row, caravan_event_get_title (event));
      /* The text the user typed stays while it means the same date. */
      {
        CaravanDate typed;
        g_autofree char *message = NULL;

        if (caravan_typed_date_parse (gtk_editable_get_text (
                                              GTK_EDITABLE (self->event_date_row)),
                                            &typed, &message) &&
            caravan_date_compare (&typed, caravan_event_get_date (event)) == 0 &&
            typed.circa == caravan_event_get_date (event)->circa)
          date_text = gtk_editable_get_text (GTK_EDITABLE (self->event_date_row));
      }
      set_entry_text (self->event_date_row, date_text);
      gtk_widget_set_visible (GTK_WIDGET (self->event_date_error), FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self->event_date_row), "error");
      set_entry_text (self->event_category_row, caravan_event_get_category (event));
      {
        g_autofree char *tags = g_strjoinv (", ", (char **) caravan_event_get_tags (event));
        g_auto(GStrv) typed = split_tags (gtk_editable_get_text (
                                            GTK_EDITABLE (self->event_tags_row)));

        /* "a, b," while typing means the same tags: leave the text as it is. */
        if (!g_strv_equal ((const char * const *) typed, caravan_event_get_tags (event)))
          set_entry_text (self->event_tags_row, tags);
      }
      set_view_text (self->event_description_view, caravan_event_get_description (event));
      set_view_text (self->event_notes_view, caravan_event_get_notes (event));
      {
        g_autofree CaravanCamera *camera = NULL;
        g_autofree char *where = NULL;

        g_object_get (event, "camera", &camera, NULL);
        if (camera != NULL && !isnan (camera->latitude) && !isnan (camera->longitude))
          /* Translators: a step's map view: zoom level, latitude and longitude in degrees */
          where = g_strdup_printf (_("Zoom %.1f at %.4f°, %.4f°"), camera->zoom,
                                   camera->latitude, camera->longitude);
        else if (camera != NULL)
          /* Translators: a step's map view, centred on its place */
          where = g_strdup_printf (_("Zoom %.1f at the event’s place"), camera->zoom);
        else
          where = g_strdup (_("The map flies to the event’s place"));
        adw_action_row_set_subtitle (self->event_view_row, where);
      }
    }
  self->filling = FALSE;
}

static void
show_item (CaravanInspector *self)
{
  CaravanEvent *event = self->selection ? caravan_selection_get_event (self->selection) : NULL;
  CaravanPlace *place = self->selection ? caravan_selection_get_place (self->selection) : NULL;
  GObject *item = event != NULL ? G_OBJECT (event) : (GObject *) place;

  if (self->stack != NULL)
    caravan_undo_stack_seal (self->stack);
  self->last_field = NULL;
  self->item = item;
  gtk_stack_set_visible_child_name (self->stack_pages,
                                    event != NULL ? "event" : place != NULL ? "place" : "none");
  fill_fields (self);
}

/* Sets @property of the shown item through the undo stack; @field is the widget typed in. */
static void
edit (CaravanInspector *self,
      gpointer          field,
      const char       *property,
      const GValue     *value,
      const char       *label,
      gboolean          merge)
{
  if (self->filling || self->stack == NULL || self->item == NULL)
    return;
  if (field != self->last_field)
    caravan_undo_stack_seal (self->stack);
  self->last_field = field;
  caravan_undo_stack_set (self->stack, self->item, property, value, label, merge);
}

static void
edit_string (CaravanInspector *self,
             gpointer          field,
             const char       *property,
             const char       *text,
             const char       *label)
{
  gboolean required = g_str_equal (property, "name") || g_str_equal (property, "title");
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  /* An emptied optional field is no field at all in the file; a name stays a string. */
  g_value_set_string (&value, (text != NULL && *text != '\0') || required ? text : NULL);
  edit (self, field, property, &value, label, TRUE);
}

/* A name in another language: the place's names, with that one set or gone. */
static void
edit_translation (CaravanInspector *self,
                  GtkEditable      *editable,
                  const char       *lang)
{
  CaravanPlace *place = CARAVAN_PLACE (self->item);
  g_autoptr(GHashTable) old = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *text = gtk_editable_get_text (editable);
  g_auto(GValue) value = G_VALUE_INIT;
  GHashTableIter iter;
  gpointer key, name;

  g_object_get (place, "names", &old, NULL);
  if (old != NULL)
    {
      g_hash_table_iter_init (&iter, old);
      while (g_hash_table_iter_next (&iter, &key, &name))
        g_hash_table_insert (names, g_strdup (key), g_strdup (name));
    }
  if (*text != '\0')
    g_hash_table_insert (names, g_strdup (lang), g_strdup (text));
  else
    g_hash_table_remove (names, lang);
  g_value_init (&value, G_TYPE_HASH_TABLE);
  g_value_set_boxed (&value, names);
  edit (self, editable, "names", &value, _("Rename Place"), TRUE);
}

static void
on_entry_changed (GtkEditable      *editable,
                  CaravanInspector *self)
{
  const char *text = gtk_editable_get_text (editable);

  if (!self->filling && CARAVAN_IS_PLACE (self->item))
    {
      if (editable == GTK_EDITABLE (self->place_name_ru_row))
        return edit_translation (self, editable, "ru");
      if (editable == GTK_EDITABLE (self->place_name_kk_row))
        return edit_translation (self, editable, "kk");
      if (editable == GTK_EDITABLE (self->place_name_zh_row))
        return edit_translation (self, editable, "zh");
    }

  if (editable == GTK_EDITABLE (self->place_name_row))
    edit_string (self, editable, "name", text, _("Rename Place"));
  else if (editable == GTK_EDITABLE (self->place_kind_row))
    edit_string (self, editable, "kind", text, _("Change Kind of Place"));
  else if (editable == GTK_EDITABLE (self->event_title_row))
    edit_string (self, editable, "title", text, _("Rename Event"));
  else if (editable == GTK_EDITABLE (self->event_category_row))
    edit_string (self, editable, "category", text, _("Change Category"));
  else if (editable == GTK_EDITABLE (self->event_tags_row))
    {
      g_auto(GStrv) tags = split_tags (text);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_STRV);
      g_value_set_boxed (&value, tags);
      edit (self, editable, "tags", &value, _("Change Tags"), TRUE);
    }
}

/* A date is set when the user applies it (Enter or the apply button), not at every key: "19"
 * on the way to "1961" would send the event to the year 19. */
static void
on_date_apply (AdwEntryRow      *row,
               CaravanInspector *self)
{
  g_autofree char *message = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  CaravanDate date;

  if (!caravan_typed_date_parse (gtk_editable_get_text (GTK_EDITABLE (row)), &date,
                                       &message))
    {
      g_autofree char *text = g_strdup_printf (_("Not a date Caravan can read: %s"),
                                               message != NULL ? message : "");

      gtk_label_set_text (self->event_date_error, text);
      gtk_widget_set_visible (GTK_WIDGET (self->event_date_error), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->event_date_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  g_value_init (&value, CARAVAN_TYPE_DATE);
  g_value_set_boxed (&value, &date);
  edit (self, row, "date", &value, _("Change Date"), FALSE);
}

static void
on_buffer_changed (GtkTextBuffer    *buffer,
                   CaravanInspector *self)
{
  GtkTextView *views[] = { self->place_description_view, self->event_description_view,
                           self->event_notes_view };
  const char *properties[] = { "description", "description", "notes" };
  const char *labels[] = { _("Edit Description"), _("Edit Description"),
                           _("Edit Speaker Notes") };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (gtk_text_view_get_buffer (views[i]) == buffer)
      {
        g_autofree char *text = get_view_text (views[i]);

        edit_string (self, views[i], properties[i], text, labels[i]);
      }
}

static void
on_featured_changed (GtkSwitch        *toggle,
                     GParamSpec       *pspec,
                     CaravanInspector *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean featured = gtk_switch_get_active (toggle);

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, featured);
  edit (self, toggle, "featured", &value,
        featured ? _("Feature Place") : _("Stop Featuring Place"), FALSE);
}

static void
on_position_changed (GtkSpinButton    *spin,
                     CaravanInspector *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, gtk_spin_button_get_value (spin));
  edit (self, spin, spin == self->place_latitude_spin ? "latitude" : "longitude", &value,
        _("Move Place"), TRUE);
}

static void
on_selection_changed (CaravanInspector *self)
{
  show_item (self);
}

static void
on_story_changed (CaravanInspector *self)
{
  show_item (self);
  caravan_inspector_queue_issues (self);
}

static void
on_item_changed (CaravanSelection *selection,
                 GObject          *item,
                 const char       *property,
                 CaravanInspector *self)
{
  if (item == self->item)
    fill_fields (self);
  caravan_inspector_queue_issues (self);
}

static void
caravan_inspector_dispose (GObject *object)
{
  CaravanInspector *self = CARAVAN_INSPECTOR (object);

  if (self->selection_signals != NULL)
    g_signal_group_set_target (self->selection_signals, NULL);
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->stack);
  g_clear_handle_id (&self->issues_idle, g_source_remove);
  self->item = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), CARAVAN_TYPE_INSPECTOR);
  /* The scrolled window is the template's root and bound to no field. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (caravan_inspector_parent_class)->dispose (object);
}

static void
caravan_inspector_class_init (CaravanInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caravan_inspector_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caravanmaps/Caravan/"
                                               "caravan-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, CaravanInspector, issues_box);
  gtk_widget_class_bind_template_child (widget_class, CaravanInspector, issues_title);
  gtk_widget_class_bind_template_child (widget_class, CaravanInspector, issues_list);
  gtk_widget_class_bind_template_child_full (widget_class, "stack", FALSE,
                                             G_STRUCT_OFFSET (CaravanInspector, stack_pages));
  gtk_widget_class_bind_template_child (widget_class, CaravanInspector, place_name_row);
  gtk_widget_class_bind_template_child (widget_class, CaravanInspector, place_kind_row);
  gtk_widget_class_bind_template_child (widget_class, CaravanInspector, place_featured_switch);
  gtk_widget_class_bind_template_child (widget_class, CaravanInspector, place_latitude_spin);
  gtk_widget_class_bind_template_child (widget_class, CaravanInspector, place_longitude_spin);
  gtk_widget_class_bind_template_child (widget_class, CaravanInspector, place_description_view);
  gtk_widget_class_bind_template_child (widget_class, CaravanInspector, place_name_ru_row);
  gtk_widget_class_bind_template_child (widget_class, CaravanInspector, place_name_kk_row);
  gtk_widget_class_bind_template_child (widget_class, CaravanInspector, place_name_zh_row);
  gtk_widget_class_bind_template_child (widget_class, CaravanInspector, event_title_row);
  gtk_widget_class_bind_template_child (widget_class, CaravanInspector, event_date_row);
  gtk_widget_class_bind_template_child (widget_class, CaravanInspector, event_category_row);
  gtk_widget_class_bind_template_child (widget_class, CaravanInspector, event_tags_row);
  gtk_widget_class_bind_template_child (widget_class, CaravanInspector, event_view_row);
  gtk_widget_class_bind_template_child (widget_class, CaravanInspector, event_date_error);
  gtk_widget_class_bind_template_child (widget_class, CaravanInspector, event_description_view);
  gtk_widget_class_bind_template_child (widget_class, CaravanInspector, event_notes_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "caravan-inspector");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
caravan_inspector_init (CaravanInspector *self)
{
  GtkEditable *entries[8];
  GtkTextView *views[3];

  gtk_widget_init_template (GTK_WIDGET (self));

  entries[0] = GTK_EDITABLE (self->place_name_row);
  entries[1] = GTK_EDITABLE (self->place_kind_row);
  entries[2] = GTK_EDITABLE (self->event_title_row);
  entries[3] = GTK_EDITABLE (self->event_category_row);
  entries[4] = GTK_EDITABLE (self->place_name_ru_row);
  entries[5] = GTK_EDITABLE (self->place_name_kk_row);
  entries[6] = GTK_EDITABLE (self->place_name_zh_row);
  entries[7] = GTK_EDITABLE (self->event_tags_row);
  /* Ctrl+Z is the story's undo, not each field's own. */
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      gtk_editable_set_enable_undo (entries[i], FALSE);
      g_signal_connect_object (entries[i], "changed", G_CALLBACK (on_entry_changed), self, 0);
    }
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->event_date_row), FALSE);
  g_signal_connect_object (self->event_date_row, "apply", G_CALLBACK (on_date_apply), self, 0);
  g_signal_connect_object (self->event_date_row, "entry-activated", G_CALLBACK (on_date_apply),
                           self, 0);
  views[0] = self->place_description_view;
  views[1] = self->event_description_view;
  views[2] = self->event_notes_view;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (views[i]), FALSE);
      g_signal_connect_object (gtk_text_view_get_buffer (views[i]), "changed",
                               G_CALLBACK (on_buffer_changed), self, 0);
    }
  g_signal_connect_object (self->place_featured_switch, "notify::active",
                           G_CALLBACK (on_featured_changed), self, 0);
  g_signal_connect_object (self->place_latitude_spin, "value-changed",
                           G_CALLBACK (on_position_changed), self, 0);
  g_signal_connect_object (self->place_longitude_spin, "value-changed",
                           G_CALLBACK (on_position_changed), self, 0);

  g_signal_connect_object (self->issues_list, "row-activated",
                           G_CALLBACK (caravan_inspector_on_issue_activated), self, 0);

  self->selection_signals = g_signal_group_new (CARAVAN_TYPE_SELECTION);
  g_signal_group_connect_swapped (self->selection_signals, "notify::place",
                                  G_CALLBACK (on_selection_changed), self);
  g_signal_group_connect_swapped (self->selection_signals, "notify::event",
                                  G_CALLBACK (on_selection_changed), self);
  g_signal_group_connect_swapped (self->selection_signals, "notify::story",
                                  G_CALLBACK (on_story_changed), self);
  g_signal_group_connect_object (self->selection_signals, "item-changed",
                                 G_CALLBACK (on_item_changed), self, 0);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Inspector"), -1);
}

GtkWidget *
caravan_inspector_new (void)
{
  return g_object_new (CARAVAN_TYPE_INSPECTOR, NULL);
}

void
caravan_inspector_set_selection (CaravanInspector *self,
                                 CaravanSelection *selection)
{
  g_return_if_fail (CARAVAN_IS_INSPECTOR (self));
  g_return_if_fail (selection == NULL || CARAVAN_IS_SELECTION (selection));

  if (!g_set_object (&self->selection, selection))
    return;
  g_signal_group_set_target (self->selection_signals, selection);
  show_item (self);
}

void
caravan_inspector_set_undo_stack (CaravanInspector *self,
                                  CaravanUndoStack *stack)
{
  g_return_if_fail (CARAVAN_IS_INSPECTOR (self));
  g_return_if_fail (stack == NULL || CARAVAN_IS_UNDO_STACK (stack));

  g_set_object (&self->stack, stack);
  gtk_widget_set_sensitive (GTK_WIDGET (self), stack != NULL);
  show_item (self);
  caravan_inspector_queue_issues (self);
}

void
caravan_inspector_focus_first_field (CaravanInspector *self)
{
  GtkWidget *field;

  g_return_if_fail (CARAVAN_IS_INSPECTOR (self));

  field = CARAVAN_IS_EVENT (self->item) ? GTK_WIDGET (self->event_title_row)
                                        : GTK_WIDGET (self->place_name_row);
  /* Entries select their text when they take the focus (gtk-entry-select-on-focus). */
  gtk_widget_grab_focus (field);
}

const char *
caravan_inspector_get_page (CaravanInspector *self)
{
  g_return_val_if_fail (CARAVAN_IS_INSPECTOR (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack_pages);
}
