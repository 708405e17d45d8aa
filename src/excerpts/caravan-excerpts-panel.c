/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-excerpts-panel.c: what the article says about the selected place or event. */

#define G_LOG_DOMAIN "caravan-excerpts-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-article.h"
#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-excerpt.h"
#include "caravan-excerpt-card.h"
#include "caravan-excerpts-panel.h"
#include "caravan-place.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-uri.h"

struct _CaravanExcerptsPanel
{
  GtkWidget         parent_instance;

  CaravanSelection *selection;
  GSignalGroup     *selection_signals;
  GListStore       *excerpts;
  guint             update_idle;

  GtkScrolledWindow *scrolled_window;
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkLabel         *description_label;
  GtkWidget        *article_button;
  GtkLabel         *count_label;
  GtkBox           *cards_box;
};

G_DEFINE_FINAL_TYPE (CaravanExcerptsPanel, caravan_excerpts_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* Opens @uri in the browser if it is a web link; links from story files are never trusted. */
static void
show_web_link (GtkWidget  *widget,
               const char *uri)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (!caravan_uri_is_web (uri))
    {
      g_warning ("Refusing to open a link that is not http or https: %s", uri ? uri : "(null)");
      return;
    }
#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

    gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL,
                             NULL);
  }
#else
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
#endif
}

static CaravanArticle *
get_article (CaravanStory *story)
{
  GListModel *articles = caravan_story_get_articles (story);
  g_autoptr(CaravanArticle) article = NULL;

  if (g_list_model_get_n_items (articles) == 0)
    return NULL;

  article = g_list_model_get_item (articles, 0);
  return article;  /* the story keeps it alive */
}

static gboolean
excerpt_is_visible (CaravanExcerptsPanel *self,
                    CaravanExcerpt       *excerpt)
{
  guint n = caravan_excerpt_get_n_events (excerpt);

  if (n == 0 || !caravan_selection_get_filter_by_time (self->selection))
    return TRUE;

  for (guint i = 0; i < n; i++)
    if (caravan_selection_event_is_visible (self->selection, caravan_excerpt_get_event (excerpt,
                                                                                        i)))
      return TRUE;

  return FALSE;
}

static void
update_fading (CaravanExcerptsPanel *self)
{
  for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box));
       card != NULL;
       card = gtk_widget_get_next_sibling (card))
    {
      CaravanExcerpt *excerpt = caravan_excerpt_card_get_excerpt (CARAVAN_EXCERPT_CARD (card));

      gtk_widget_set_opacity (card, excerpt_is_visible (self, excerpt) ? 1.0 : 0.35);
    }
}

static void
show_excerpts (CaravanExcerptsPanel *self,
               GListModel           *excerpts)
{
  GtkWidget *child;
  guint n = excerpts ? g_list_model_get_n_items (excerpts) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))) != NULL)
    gtk_box_remove (self->cards_box, child);
  g_list_store_remove_all (self->excerpts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaravanExcerpt) excerpt = g_list_model_get_item (excerpts, i);

      g_list_store_append (self->excerpts, excerpt);
      gtk_box_append (self->cards_box, caravan_excerpt_card_new (self->selection, excerpt));
    }

  if (n > 0)
    {
      g_autofree char *count = g_strdup_printf (ngettext ("%u excerpt from the article",
                                                          "%u excerpts from the article", n), n);
      set_label (self->count_label, count);
    }
  else
    {
      set_label (self->count_label, NULL);
    }


  update_fading (self);
}

static void
show_story (CaravanExcerptsPanel *self,
            CaravanStory         *story)
{
  set_label (self->title_label, caravan_story_get_title (story));
  set_label (self->subtitle_label, caravan_story_get_subtitle (story));
  set_label (self->description_label,
             _("Select a pin on the map or an event on the timeline to read what the article "
               "says about it."));
  show_excerpts (self, NULL);
}

static void
show_place (CaravanExcerptsPanel *self,
            CaravanStory         *story,
            CaravanPlace         *place)
{
  g_autoptr(GListModel) events = caravan_story_list_events_of_place (story, place);
  g_autoptr(GListModel) excerpts = caravan_story_list_excerpts_of_place (story, place);
  guint n_events = g_list_model_get_n_items (events);
  g_autofree char *subtitle = g_strdup_printf (ngettext ("%u event", "%u events", n_events),
                                               n_events);

  set_label (self->title_label, caravan_place_get_display_name (place, NULL));
  set_label (self->subtitle_label, subtitle);
  set_label (self->description_label, caravan_place_get_description (place));
  show_excerpts (self, excerpts);
}

static void
show_event (CaravanExcerptsPanel *self,
            CaravanStory         *story,
            CaravanEvent         *event)
{
  g_autoptr(GListModel) excerpts = caravan_story_list_excerpts_of_event (story, event);
  CaravanPlace *place = caravan_event_get_first_place (event);
  g_autofree char *subtitle = caravan_event_format_date_and_place (event);

  set_label (self->title_label, caravan_event_get_title (event));
  set_label (self->subtitle_label, subtitle);
  set_label (self->description_label, caravan_event_get_description (event));

  /* Events the article only implies (a renaming, say) have no quote of their own: show what
   * it says about their place instead, and say so. */
  if (g_list_model_get_n_items (excerpts) == 0 && place != NULL)
    {
      g_autoptr(GListModel) about_place = caravan_story_list_excerpts_of_place (story, place);
      guint n = g_list_model_get_n_items (about_place);
      g_autofree char *count = NULL;

      show_excerpts (self, about_place);
      if (n > 0)
        {
          /* Translators: %s is a place name */
          count = g_strdup_printf (ngettext ("The article does not quote this event. "
                                             "What it says about %2$s (%1$u excerpt):",
                                             "The article does not quote this event. "
                                             "What it says about %2$s (%1$u excerpts):", n),
                                   n, caravan_place_get_display_name (place, NULL));
          set_label (self->count_label, count);
        }
      return;
    }

  show_excerpts (self, excerpts);
}

static gboolean
update_content (gpointer user_data)
{
  CaravanExcerptsPanel *self = user_data;
  CaravanStory *story = self->selection ? caravan_selection_get_story (self->selection) : NULL;
  CaravanArticle *article;
  GtkAdjustment *adjustment;

  self->update_idle = 0;

  if (story == NULL)
    {
      set_label (self->title_label, NULL);
      set_label (self->subtitle_label, NULL);
      set_label (self->description_label, NULL);
      show_excerpts (self, NULL);
      gtk_widget_set_visible (self->article_button, FALSE);
      return G_SOURCE_REMOVE;
    }

  if (caravan_selection_get_event (self->selection) != NULL)
    show_event (self, story, caravan_selection_get_event (self->selection));
  else if (caravan_selection_get_place (self->selection) != NULL)
    show_place (self, story, caravan_selection_get_place (self->selection));
  else
    show_story (self, story);

  article = get_article (story);
  gtk_widget_set_visible (self->article_button,
                          article != NULL &&
                          caravan_uri_is_web (caravan_article_get_url (article)));
  if (article != NULL)
    gtk_widget_set_tooltip_text (self->article_button, caravan_article_get_title (article));

  /* A new selection starts at the top of its excerpts. */
  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));

  return G_SOURCE_REMOVE;
}

static void
queue_update (CaravanExcerptsPanel *self)
{
  /* Selecting an event also selects its place: rebuild once, after both notifies. */
  if (self->update_idle == 0)
    self->update_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_content, self, NULL);
}

static void
on_selection_changed (CaravanSelection     *selection,
                      GParamSpec           *pspec,
                      CaravanExcerptsPanel *self)
{
  queue_update (self);
}

static void
on_selection_item_changed (CaravanSelection     *selection,
                           GObject              *item,
                           const char           *property,
                           CaravanExcerptsPanel *self)
{
  queue_update (self);
}

static void
on_selection_range_changed (CaravanSelection     *selection,
                            GParamSpec           *pspec,
                            CaravanExcerptsPanel *self)
{
  update_fading (self);
}

static void
caravan_excerpts_panel_open_article_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  CaravanExcerptsPanel *self = CARAVAN_EXCERPTS_PANEL (widget);
  CaravanStory *story = self->selection ? caravan_selection_get_story (self->selection) : NULL;
  CaravanArticle *article = story ? get_article (story) : NULL;

  if (article != NULL)
    show_web_link (widget, caravan_article_get_url (article));
}

static void
caravan_excerpts_panel_dispose (GObject *object)
{
  CaravanExcerptsPanel *self = CARAVAN_EXCERPTS_PANEL (object);

  g_clear_handle_id (&self->update_idle, g_source_remove);
  if (self->selection_signals != NULL)
    g_signal_group_set_target (self->selection_signals, NULL);
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->excerpts);
  gtk_widget_dispose_template (GTK_WIDGET (self), CARAVAN_TYPE_EXCERPTS_PANEL);

  G_OBJECT_CLASS (caravan_excerpts_panel_parent_class)->dispose (object);
}

static void
caravan_excerpts_panel_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CaravanExcerptsPanel *self = CARAVAN_EXCERPTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_excerpts_panel_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CaravanExcerptsPanel *self = CARAVAN_EXCERPTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      caravan_excerpts_panel_set_selection (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_excerpts_panel_class_init (CaravanExcerptsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caravan_excerpts_panel_dispose;
  object_class->get_property = caravan_excerpts_panel_get_property;
  object_class->set_property = caravan_excerpts_panel_set_property;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, CARAVAN_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/caravan-excerpts-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CaravanExcerptsPanel, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CaravanExcerptsPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanExcerptsPanel, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanExcerptsPanel, description_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanExcerptsPanel, article_button);
  gtk_widget_class_bind_template_child (widget_class, CaravanExcerptsPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanExcerptsPanel, cards_box);

  gtk_widget_class_install_action (widget_class, "excerpts.open-article", NULL,
                                   caravan_excerpts_panel_open_article_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "caravan-excerpts-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
caravan_excerpts_panel_init (CaravanExcerptsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->excerpts = g_list_store_new (CARAVAN_TYPE_EXCERPT);
  self->selection_signals = g_signal_group_new (CARAVAN_TYPE_SELECTION);
  g_signal_group_connect_object (self->selection_signals, "notify::story",
                                 G_CALLBACK (on_selection_changed), self, 0);
  g_signal_group_connect_object (self->selection_signals, "notify::place",
                                 G_CALLBACK (on_selection_changed), self, 0);
  g_signal_group_connect_object (self->selection_signals, "notify::event",
                                 G_CALLBACK (on_selection_changed), self, 0);
  g_signal_group_connect_object (self->selection_signals, "notify::visible-start",
                                 G_CALLBACK (on_selection_range_changed), self, 0);
  g_signal_group_connect_object (self->selection_signals, "notify::filter-by-time",
                                 G_CALLBACK (on_selection_range_changed), self, 0);
  g_signal_group_connect_object (self->selection_signals, "item-changed",
                                 G_CALLBACK (on_selection_item_changed), self, 0);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Excerpts"),
                                  -1);
}

GtkWidget *
caravan_excerpts_panel_new (void)
{
  return g_object_new (CARAVAN_TYPE_EXCERPTS_PANEL, NULL);
}

CaravanSelection *
caravan_excerpts_panel_get_selection (CaravanExcerptsPanel *self)
{
  g_return_val_if_fail (CARAVAN_IS_EXCERPTS_PANEL (self), NULL);

  return self->selection;
}

void
caravan_excerpts_panel_set_selection (CaravanExcerptsPanel *self,
                                      CaravanSelection     *selection)
{
  g_return_if_fail (CARAVAN_IS_EXCERPTS_PANEL (self));
  g_return_if_fail (!selection || CARAVAN_IS_SELECTION (selection));

  if (!g_set_object (&self->selection, selection))
    return;

  g_signal_group_set_target (self->selection_signals, selection);
  g_clear_handle_id (&self->update_idle, g_source_remove);
  update_content (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

GListModel *
caravan_excerpts_panel_get_excerpts (CaravanExcerptsPanel *self)
{
  g_return_val_if_fail (CARAVAN_IS_EXCERPTS_PANEL (self), NULL);

  return G_LIST_MODEL (self->excerpts);
}
