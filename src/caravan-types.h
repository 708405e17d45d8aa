/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-types.h: forward typedefs for every Caravan type, so headers never include each other. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* app */
typedef struct _CaravanApplication CaravanApplication;
typedef struct _CaravanWindow CaravanWindow;
typedef struct _CaravanVideoDialog CaravanVideoDialog;

/* story */
typedef struct _CaravanArticle CaravanArticle;
typedef struct _CaravanDate CaravanDate;
typedef struct _CaravanEvent CaravanEvent;
typedef struct _CaravanExcerpt CaravanExcerpt;
typedef struct _CaravanPlace CaravanPlace;
typedef struct _CaravanRoute CaravanRoute;
typedef struct _CaravanSelection CaravanSelection;
typedef struct _CaravanStory CaravanStory;
typedef struct _CaravanStoryProblem CaravanStoryProblem;

/* map */
typedef struct _CaravanBasemap CaravanBasemap;
typedef struct _CaravanLabelPlacer CaravanLabelPlacer;
typedef struct _CaravanMapPoint CaravanMapPoint;
typedef struct _CaravanMapSource CaravanMapSource;
typedef struct _CaravanTilePaintable CaravanTilePaintable;
typedef struct _CaravanTileRenderer CaravanTileRenderer;

/* views */
typedef struct _CaravanTimeline CaravanTimeline;
typedef struct _CaravanMapView CaravanMapView;
typedef struct _CaravanPin CaravanPin;
typedef struct _CaravanPresentation CaravanPresentation;
typedef struct _CaravanPresenterView CaravanPresenterView;

G_END_DECLS
