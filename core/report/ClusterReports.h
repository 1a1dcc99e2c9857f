#pragma once
// Cluster detection in the scan's outputs: scan.json ("clusters" and
// "cluster_detection"), the printed table, and the layer `clusters` of
// sites.gpkg (one night-round line per cluster).
#include "cluster/Clusters.h"

#include <QJsonArray>
#include <QJsonObject>

#include <ostream>
#include <string>

namespace vgscan {

// One object per cluster: id, sites, places, night round (order, length,
// minutes, exact or heuristic, estimated, path).
QJsonArray clustersToJson(const ClusterResult& r);
// How the clusters were found: parameters with sources, method, the sites
// that took part but are in no cluster.
QJsonObject clusterDetectionToJson(const ClusterResult& r);
// Adds both to a scan.json object.
void addClusters(QJsonObject& scanJson, const ClusterResult& r);

// The "Clusters" section under the scan table.
void writeClusterTable(std::ostream& out, const ClusterResult& r);

// Adds (or replaces) the layer `clusters` in an existing GeoPackage: a
// LineString per cluster (its night round) in the portfolio's CRS.
void writeClustersLayer(const std::string& gpkgPath, const Portfolio& p, const ClusterResult& r);

}  // namespace vgscan
