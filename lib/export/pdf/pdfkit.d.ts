// pdfkit ships no types; the export layer only reaches its document prototype (pdfkit-font-cache.ts).
declare module "pdfkit" {
  const PDFDocument: { prototype: object };
  export default PDFDocument;
}
