/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-excerpt-card.c: one quote from the article, with its source, note and links. */

#define G_LOG_DOMAIN "caravan-excerpt-card"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-accessible.h"

#include "caravan-article.h"
#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-excerpt.h"
#include "caravan-excerpt-card.h"
#include "caravan-place.h"
#include "caravan-selection.h"

struct _CaravanExcerptCard
{
  GtkWidget         parent_instance;

  CaravanSelection *selection;
  CaravanExcerpt   *excerpt;

  GtkWidget        *box;
  GtkLabel         *quote_label;
  GtkWidget        *map_button;
  GtkWidget        *timeline_button;
  GtkLabel         *source_label;
  GtkWidget        *note_box;
  GtkLabel         *note_label;
};

G_DEFINE_FINAL_TYPE (CaravanExcerptCard, caravan_excerpt_card, GTK_TYPE_WIDGET)

static char *
describe_source (CaravanExcerpt *excerpt)
{
  CaravanArticle *article = caravan_excerpt_get_article (excerpt);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *date = NULL;

  if (article != NULL)
    {
      g_string_append (text, caravan_article_get_title (article));
      if (caravan_article_get_date (article) != NULL)
        {
          date = caravan_date_format (caravan_article_get_date (article));
          g_string_append_printf (text, " · %s", date);
        }
    }

  for (guint i = 0; i < caravan_excerpt_get_n_places (excerpt); i++)
    g_string_append_printf (text, "%s%s", (i == 0 && text->len) ? " · " : (i ? ", " : ""),
                            caravan_place_get_display_name (caravan_excerpt_get_place (excerpt, i),
                                                            NULL));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The first words of the quote, enough to tell excerpts apart when heard. */
static char *
dup_opening_words (const char *text)
{
  const guint max_words = 6;
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t", -1);
  g_autoptr(GString) opening = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (n == max_words)
        {
          g_string_append (opening, "…");
          break;
        }
      if (n++ > 0)
        g_string_append_c (opening, ' ');
      g_string_append (opening, words[i]);
    }
  return g_string_free (g_steal_pointer (&opening), FALSE);
}

/* Names the card and its buttons after the excerpt, so a screen reader user hears which
 * excerpt a "Show on Map" belongs to. The names keep the buttons' visible words. */
static void
name_for_excerpt (CaravanExcerptCard *self)
{
  g_autofree char *opening = dup_opening_words (caravan_excerpt_get_text (self->excerpt));
  /* Translators: screen reader name of an excerpt card: "Excerpt: “The first words…”" */
  g_autofree char *card = g_strdup_printf (_("Excerpt: “%s”"), opening);
  /* Translators: screen reader name of a card's button: "Show on Map: “The first words…”" */
  g_autofree char *map = g_strdup_printf (_("Show on Map: “%s”"), opening);
  /* Translators: screen reader name of a card's button */
  g_autofree char *timeline = g_strdup_printf (_("Show on Timeline: “%s”"), opening);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, card,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  caravan_excerpt_get_text (self->excerpt),
                                  -1);
  caravan_accessible_name_button (self->map_button, map);
  caravan_accessible_name_button (self->timeline_button, timeline);
}

static void
caravan_excerpt_card_show_on_map_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  CaravanExcerptCard *self = CARAVAN_EXCERPT_CARD (widget);

  if (caravan_excerpt_get_n_places (self->excerpt) > 0)
    caravan_selection_select_place (self->selection, caravan_excerpt_get_place (self->excerpt, 0));
}

static void
caravan_excerpt_card_show_on_timeline_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter)
{
  CaravanExcerptCard *self = CARAVAN_EXCERPT_CARD (widget);
  CaravanEvent *current = caravan_selection_get_event (self->selection);

  /* Keep the current event if this excerpt belongs to it. */
  if (current != NULL && caravan_excerpt_has_event (self->excerpt, current))
    return;
  if (caravan_excerpt_get_n_events (self->excerpt) > 0)
    caravan_selection_select_event (self->selection, caravan_excerpt_get_event (self->excerpt, 0));
}

static void
caravan_excerpt_card_dispose (GObject *object)
{
  CaravanExcerptCard *self = CARAVAN_EXCERPT_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CARAVAN_TYPE_EXCERPT_CARD);
  g_clear_object (&self->selection);
  g_clear_object (&self->excerpt);

  G_OBJECT_CLASS (caravan_excerpt_card_parent_class)->dispose (object);
}

static void
caravan_excerpt_card_class_init (CaravanExcerptCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caravan_excerpt_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/caravan-excerpt-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CaravanExcerptCard, box);
  gtk_widget_class_bind_template_child (widget_class, CaravanExcerptCard, quote_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanExcerptCard, map_button);
  gtk_widget_class_bind_template_child (widget_class, CaravanExcerptCard, timeline_button);
  gtk_widget_class_bind_template_child (widget_class, CaravanExcerptCard, source_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanExcerptCard, note_box);
  gtk_widget_class_bind_template_child (widget_class, CaravanExcerptCard, note_label);

  gtk_widget_class_install_action (widget_class, "card.show-on-map", NULL,
                                   caravan_excerpt_card_show_on_map_action);
  gtk_widget_class_install_action (widget_class, "card.show-on-timeline", NULL,
                                   caravan_excerpt_card_show_on_timeline_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
caravan_excerpt_card_init (CaravanExcerptCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A card for @excerpt whose buttons act on @selection. */
GtkWidget *
caravan_excerpt_card_new (CaravanSelection *selection,
                          CaravanExcerpt   *excerpt)
{
  CaravanExcerptCard *self;
  g_autofree char *source = NULL;
  const char *note;

  g_return_val_if_fail (CARAVAN_IS_SELECTION (selection), NULL);
  g_return_val_if_fail (CARAVAN_IS_EXCERPT (excerpt), NULL);

  self = g_object_new (CARAVAN_TYPE_EXCERPT_CARD, NULL);
  self->selection = g_object_ref (selection);
  self->excerpt = g_object_ref (excerpt);

  /* Story text is plain text, never markup. The quote is set off by its style, not by quote
   * marks, since the article's own quote marks are part of the text. */
  gtk_label_set_text (self->quote_label, caravan_excerpt_get_text (excerpt));
  source = describe_source (excerpt);
  gtk_label_set_text (self->source_label, source);

  note = caravan_excerpt_get_note (excerpt);
  gtk_widget_set_visible (self->note_box, note != NULL && *note != '\0');
  gtk_label_set_text (self->note_label, note ? note : "");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.show-on-map",
                                 caravan_excerpt_get_n_places (excerpt) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.show-on-timeline",
                                 caravan_excerpt_get_n_events (excerpt) > 0);
  name_for_excerpt (self);

  return GTK_WIDGET (self);
}

CaravanExcerpt *
caravan_excerpt_card_get_excerpt (CaravanExcerptCard *self)
{
  g_return_val_if_fail (CARAVAN_IS_EXCERPT_CARD (self), NULL);

  return self->excerpt;
}
