/**
 * Printed documents, Excel exports and charts. {@link cn.medrecruit.reporting.PdfDocuments} renders a Thymeleaf
 * template under {@code templates/pdf/} to an A4 PDF with the project's Chinese font embedded,
 * {@link cn.medrecruit.reporting.QrCodes} draws QR codes and {@link cn.medrecruit.reporting.PdfImages} turns image
 * bytes into {@code data:} URIs for a template's {@code <img>}. {@link cn.medrecruit.reporting.TableExports} streams
 * any list to an audited .xlsx download ({@link cn.medrecruit.reporting.TableExport} defines the columns,
 * {@link cn.medrecruit.reporting.RowSource} pushes the rows of the list's own query). A
 * {@link cn.medrecruit.reporting.ChartData} becomes a chart through {@code fragments/charts.html} and
 * {@code static/js/charts.js}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package cn.medrecruit.reporting;
