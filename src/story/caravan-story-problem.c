/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-problem.c: one problem found while loading a story, with its position. */

#define G_LOG_DOMAIN "caravan-story-problem"

#include "config.h"

#include "caravan-story-enums.h"
#include "caravan-story-problem.h"

struct _CaravanStoryProblem
{
  GObject parent_instance;

  CaravanStorySeverity severity;
  CaravanStoryError code;
  char *path;
  guint line;
  guint column;
  char *message;
};

G_DEFINE_FINAL_TYPE (CaravanStoryProblem, caravan_story_problem, G_TYPE_OBJECT)

G_DEFINE_QUARK (caravan-story-error-quark, caravan_story_error)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_CODE,
  PROP_PATH,
  PROP_LINE,
  PROP_COLUMN,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
caravan_story_problem_finalize (GObject *object)
{
  CaravanStoryProblem *self = (CaravanStoryProblem *) object;

  g_free (self->path);
  g_free (self->message);

  G_OBJECT_CLASS (caravan_story_problem_parent_class)->finalize (object);
}

static void
caravan_story_problem_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CaravanStoryProblem *self = CARAVAN_STORY_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_CODE:
      g_value_set_enum (value, self->code);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    case PROP_COLUMN:
      g_value_set_uint (value, self->column);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_story_problem_class_init (CaravanStoryProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = caravan_story_problem_finalize;
  object_class->get_property = caravan_story_problem_get_property;

  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL,
                       CARAVAN_TYPE_STORY_SEVERITY, CARAVAN_STORY_SEVERITY_ERROR,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_enum ("code", NULL, NULL,
                       CARAVAN_TYPE_STORY_ERROR, CARAVAN_STORY_ERROR_FAILED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINE] = g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN] = g_param_spec_uint ("column", NULL, NULL, 0, G_MAXUINT, 0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
caravan_story_problem_init (CaravanStoryProblem *self)
{
}

CaravanStoryProblem *
caravan_story_problem_new (CaravanStorySeverity  severity,
                           CaravanStoryError     code,
                           const char           *path,
                           guint                 line,
                           guint                 column,
                           const char           *message)
{
  CaravanStoryProblem *self = g_object_new (CARAVAN_TYPE_STORY_PROBLEM, NULL);

  self->severity = severity;
  self->code = code;
  self->path = g_strdup (path != NULL ? path : "");
  self->line = line;
  self->column = column;
  self->message = g_strdup (message);
  return self;
}

CaravanStorySeverity
caravan_story_problem_get_severity (CaravanStoryProblem *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY_PROBLEM (self), CARAVAN_STORY_SEVERITY_ERROR);
  return self->severity;
}

CaravanStoryError
caravan_story_problem_get_code (CaravanStoryProblem *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY_PROBLEM (self), CARAVAN_STORY_ERROR_FAILED);
  return self->code;
}

const char *
caravan_story_problem_get_path (CaravanStoryProblem *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY_PROBLEM (self), NULL);
  return self->path;
}

guint
caravan_story_problem_get_line (CaravanStoryProblem *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY_PROBLEM (self), 0);
  return self->line;
}

guint
caravan_story_problem_get_column (CaravanStoryProblem *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY_PROBLEM (self), 0);
  return self->column;
}

const char *
caravan_story_problem_get_message (CaravanStoryProblem *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY_PROBLEM (self), NULL);
  return self->message;
}

char *
caravan_story_problem_to_string (CaravanStoryProblem *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY_PROBLEM (self), NULL);

  if (self->path[0] == '\0')
    return g_strdup (self->message);
  return g_strdup_printf ("%s: %s", self->path, self->message);
}
