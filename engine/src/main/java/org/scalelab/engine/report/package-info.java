/**
 * Results as files for reports: tables that keep their numbers ({@link org.scalelab.engine.report.ReportTable},
 * written as text, Markdown, CSV, LaTeX or HTML) and charts in the workbench's look written as PNG, SVG or PDF.
 * Depends on no other ScaleLab package, so the command line and the workbench share it.
 */
package org.scalelab.engine.report;
