/**
 * Printed documents: {@link cn.medrecruit.reporting.PdfDocuments} renders a Thymeleaf template under
 * {@code templates/pdf/} to an A4 PDF with the project's Chinese font embedded, {@link cn.medrecruit.reporting.QrCodes}
 * draws QR codes and {@link cn.medrecruit.reporting.PdfImages} turns image bytes into {@code data:} URIs for a
 * template's {@code <img>}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package cn.medrecruit.reporting;
