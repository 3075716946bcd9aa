interface PdfModule {
  getDocument: (o: { data: Uint8Array; standardFontDataUrl?: string }) => {
    promise: Promise<{
      numPages: number;
      getPage(i: number): Promise<{ getTextContent(): Promise<{ items: { str?: string }[] }> }>;
    }>;
  };
}

/**
 * The text of a PDF, page by page (one line per page), read with pdfjs's legacy build in Node. The
 * module is loaded at run time: the e2e project compiles only e2e/.
 */
export async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const { getDocument } = (await import(
    new URL('../node_modules/pdfjs-dist/legacy/build/pdf.mjs', import.meta.url).href
  )) as PdfModule;
  const pdf = await getDocument({
    data: bytes.slice(),
    standardFontDataUrl: new URL('../node_modules/pdfjs-dist/standard_fonts/', import.meta.url).pathname,
  }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++)
    text += (await (await pdf.getPage(i)).getTextContent()).items.map((it) => it.str ?? '').join(' ') + '\n';
  return { text, pages: pdf.numPages };
}
