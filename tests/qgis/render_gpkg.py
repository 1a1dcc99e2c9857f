#!/usr/bin/env python3
"""Opens a scan's sites.gpkg in QGIS headless, as a user would in QGIS.

Every layer must load, be valid, have its vgscan style from the file's
layer_styles table applied as default (a categorised renderer on the expected
field, labels where promised), and render to a PNG that is not blank.

usage: render_gpkg.py SITES_GPKG OUT_DIR
Exit 77 (ctest's skip code) when the QGIS Python bindings are absent.
"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

try:
    from qgis.core import (QgsApplication, QgsExpression, QgsExpressionContext, QgsExpressionContextUtils,
                           QgsMapRendererParallelJob, QgsMapSettings, QgsRectangle, QgsVectorLayer)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
except ImportError as e:
    print(f"SKIP: the QGIS Python bindings cannot be imported ({e}); "
          "install Debian's python3-qgis (scripts/setup) to run this test")
    sys.exit(77)

# Layer -> (the field or expression it is categorised by, labelled?)
EXPECTED = {
    "sites": ('"failed" = 1', True),
    "evidence_areas": ("rule", False),
    "evidence_lines": ("rule", False),
    "findings": ("rule", True),
    "plan_spaces": ("use", True),
    "clusters": ("cluster_id", True),
}


def non_background_pixels(img, background):
    """Pixels that differ from the background (sampled on a grid)."""
    n = 0
    for y in range(0, img.height(), 2):
        for x in range(0, img.width(), 2):
            if img.pixelColor(x, y) != background:
                n += 1
    return n


def render(layer, extent):
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setOutputSize(QSize(800, 600))
    settings.setDestinationCrs(layer.crs())
    extent = QgsRectangle(extent)
    if extent.width() == 0 or extent.height() == 0:
        extent.grow(10.0)  # a single point
    extent.scale(1.1)
    settings.setExtent(extent)
    # The scopes QGIS's map canvas gives every render (@map_scale among them).
    context = QgsExpressionContext()
    context.appendScopes([QgsExpressionContextUtils.globalScope(), QgsExpressionContextUtils.mapSettingsScope(settings)])
    settings.setExpressionContext(context)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage(), settings


def check_site_dots(gpkg, out_dir, errors):
    """Zoomed to the whole portfolio (kilometres wide), every site shows in
    its verdict's colour: its plot alone is a pixel or none there."""
    layer = QgsVectorLayer(f"{gpkg}|layername=sites", "sites", "ogr")
    layer.loadDefaultStyle()
    renderer = layer.renderer()
    colours = {c.value(): c.symbol().color() for c in renderer.categories()}
    expr = QgsExpression(renderer.classAttribute())
    ctx = QgsExpressionContext()
    ctx.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))

    def dot_pixels(img, settings, f):
        """Pixels of the site's verdict colour, opaque, around its plot's point on surface."""
        ctx.setFeature(f)
        want = colours[expr.evaluate(ctx)]
        at = settings.mapToPixel().transform(f.geometry().pointOnSurface().asPoint())
        near = 0
        for dy in range(-8, 9):
            for dx in range(-8, 9):
                x, y = int(at.x()) + dx, int(at.y()) + dy
                if 0 <= x < img.width() and 0 <= y < img.height():
                    c = img.pixelColor(x, y)
                    if abs(c.red() - want.red()) + abs(c.green() - want.green()) + abs(c.blue() - want.blue()) < 30:
                        near += 1
        return near

    img, settings = render(layer, layer.extent())
    png = os.path.join(out_dir, "sites_portfolio_extent.png")
    img.save(png)
    features = list(layer.getFeatures())
    for f in features:
        near = dot_pixels(img, settings, f)
        print(f"  site {f['site_id']}: {near} pixels of its colour around it at the portfolio's extent")
        if near < 30:
            errors.append(f"sites: site {f['site_id']} is not visible at the portfolio's extent "
                          f"({near} pixels of its colour; {png})")
    # Up close the plot shows itself (its fill is see-through): no dot over the placed plan.
    f = features[0]
    img, settings = render(layer, f.geometry().boundingBox())
    png = os.path.join(out_dir, "sites_one_plot.png")
    img.save(png)
    near = dot_pixels(img, settings, f)
    print(f"  site {f['site_id']} up close: {near} pixels of the dot's colour")
    if near >= 10:
        errors.append(f"sites: site {f['site_id']} up close has a dot over its plot ({png})")


def main():
    gpkg, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    app = QgsApplication([], False)
    app.initQgis()
    errors = []
    try:
        from osgeo import ogr  # GDAL's own list of the layers, so that none is missed
        ds = ogr.Open(gpkg)
        names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
        names = [n for n in names if n != "layer_styles"]
        missing = sorted(set(EXPECTED) - set(names))
        if missing:
            errors.append(f"{gpkg}: layers missing: {', '.join(missing)}")
        for name in names:
            layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
            if not layer.isValid():
                errors.append(f"{name}: not a valid layer")
                continue
            # QGIS applies a style from layer_styles marked useAsDefault when a
            # layer is added; loadDefaultStyle is that same step.
            message, ok = layer.loadDefaultStyle()
            if not ok:
                errors.append(f"{name}: no default style in layer_styles ({message})")
                continue
            renderer = layer.renderer()
            if renderer is None or renderer.type() != "categorizedSymbol":
                errors.append(f"{name}: renderer is {renderer.type() if renderer else None}, "
                              "not the categorised style vgscan writes")
                continue
            want, labelled = EXPECTED.get(name, (None, False))
            if want and want not in renderer.classAttribute():
                errors.append(f"{name}: categorised by '{renderer.classAttribute()}', expected '{want}'")
            if labelled and not layer.labelsEnabled():
                errors.append(f"{name}: labels are not enabled")
            count = layer.featureCount()
            print(f"{name}: {count} features, categorised by {renderer.classAttribute()!r}, "
                  f"{len(renderer.categories())} categories, labels {'on' if layer.labelsEnabled() else 'off'}")
            if count == 0:
                continue  # an empty layer (no clusters) has nothing to draw
            # Every feature falls in a category of the style (none drawn by a
            # default symbol nobody chose).
            values = {c.value() for c in renderer.categories()}
            expr = QgsExpression(renderer.classAttribute())
            ctx = QgsExpressionContext()
            ctx.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
            for f in layer.getFeatures():
                ctx.setFeature(f)
                v = expr.evaluate(ctx) if expr.isValid() and not expr.isField() else f[renderer.classAttribute()]
                if v not in values:
                    errors.append(f"{name}: feature {f.id()} has '{v}', which the style has no category for")
                    break
            # The whole layer, and one site up close (plans and evidence are
            # metres wide on a map kilometres wide).
            first = next(layer.getFeatures())
            views = {"": layer.extent()}
            if layer.fields().indexOf("site_id") >= 0:
                site = first["site_id"]
                layer.selectByExpression(f"\"site_id\" = '{site}'")
                views["_" + site] = layer.boundingBoxOfSelected()
                layer.removeSelection()
            drawn = 0
            for suffix, extent in views.items():
                img, _ = render(layer, extent)
                png = os.path.join(out_dir, f"{name}{suffix}.png")
                img.save(png)
                n = non_background_pixels(img, QColor(255, 255, 255))
                print(f"  rendered {png}: {n} of {(img.width() // 2) * (img.height() // 2)} sampled pixels drawn")
                drawn = max(drawn, n)
            if drawn < 20:
                errors.append(f"{name}: the rendered image is empty ({out_dir}/{name}*.png)")
        check_site_dots(gpkg, out_dir, errors)
    finally:
        for e in errors:
            print("FAIL:", e)
        sys.stdout.flush()
    # PyQGIS can crash tearing down layers the Python side still holds after
    # exitQgis(); the verdict is already printed, so leave without teardown.
    os._exit(1 if errors else 0)


if __name__ == "__main__":
    main()
