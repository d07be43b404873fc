import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { column, type PdfPageSpec, writePdf } from '../../support/pdf-writer';

/** Body text long enough to be the body size (headings are found by being larger). */
const filler = (topic: string) => [
  `This page of the report is about ${topic} and it is written in the`,
  'ordinary body size that most of the document uses, so that the larger',
  'lines above it read as headings and these lines read as plain text.',
];

/** The two columns of `two-column.pdf`, a sentence each, over several lines. */
export const twoColumnText = {
  left: [
    'The left column begins at the harbour,',
    'where the fishing boats come back at',
    'dawn with the night catch on board.',
    'It ends when the last crate is ashore.',
  ],
  right: [
    'The right column begins at the market,',
    'where the stalls open their shutters',
    'at noon and the fish is sold by weight.',
    'It ends when the square is swept clean.',
  ],
};

/**
 * A two-column page as some producers draw it: row by row, each left line
 * followed by the line beside it on the right, under a title across both.
 */
function twoColumnPage(): PdfPageSpec {
  const left = column(twoColumnText.left, { x: 72, top: 700 });
  const right = column(twoColumnText.right, { x: 320, top: 700 });
  return {
    lines: [{ text: 'Harbour and Market', x: 72, y: 740, size: 20 }, ...left.flatMap((line, i) => [line, right[i]!])],
  };
}

/**
 * The PDFs the E2E tests open, generated (tests/support/pdf-writer.ts):
 * an English report with an outline, a heading by size and a word
 * hyphenated at a line end; a two-column page drawn row by row; a Chinese one whose font needs Adobe's CMaps; a
 * 300-page one past the page budget; a scan (no text layer); one locked
 * with a password; and a file that only claims to be a PDF.
 */
export function pdfFixtures(): Record<string, Buffer> {
  const report: PdfPageSpec[] = [
    {
      lines: [
        { text: 'Rainfall Report', x: 72, y: 740, size: 24 },
        ...column(filler('the method'), { top: 700 }),
        ...column(['The measurements were taken with a cali-', 'brated gauge at every station.'], { top: 640 }),
      ],
    },
    { lines: [{ text: 'Stations', x: 72, y: 740, size: 16 }, ...column(filler('the stations'), { top: 700 })] },
    {
      lines: [
        { text: 'Results', x: 72, y: 740, size: 16 },
        ...column(filler('the results'), { top: 700 }),
        ...column(['Rainfall in Lisbon peaks in November, when Atlantic storms arrive.'], { top: 640 }),
      ],
    },
  ];
  const long: PdfPageSpec[] = Array.from({ length: 300 }, (_, i) => ({
    lines: column([`Long document page ${i + 1} marker text.`, ...filler(`part ${i + 1}`)]),
  }));
  return {
    'report.pdf': writePdf({
      title: 'Rainfall Report',
      pages: report,
      outline: [
        { title: 'Rainfall Report', page: 0 },
        { title: 'Stations', page: 1 },
        { title: 'Results', page: 2 },
      ],
    }),
    'chinese.pdf': writePdf({
      title: '降雨报告',
      pages: [
        {
          lines: column(
            ['里斯本的降雨在十一月达到高峰，', '这时大西洋的风暴从西边到来。', '每个气象站都使用校准过的雨量计。'],
            {
              font: 'cjk',
              size: 12,
            },
          ),
        },
      ],
    }),
    'two-column.pdf': writePdf({ title: 'Harbour and Market', pages: [twoColumnPage()] }),
    'long.pdf': writePdf({ title: 'A long PDF', pages: long }),
    'scan.pdf': writePdf({ pages: [{ image: true }, { image: true }] }),
    'locked.pdf': writePdf({ pages: [{ lines: column(filler('secrets')) }], userPassword: 'secret' }),
    // As arXiv serves papers: an address without .pdf, known as a PDF only by its content type.
    'pdf/2401.00001': writePdf({
      title: 'A paper without an extension',
      pages: [{ lines: column(filler('a paper')) }],
    }),
    'broken.pdf': Buffer.from(
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\nthis is not a PDF any more\n',
      'latin1',
    ),
  };
}

export interface PdfServer {
  readonly origin: string;
  url(name: string): string;
  close(): Promise<void>;
}

/** Serves the generated PDFs on 127.0.0.1 as a web server serves PDFs: `application/pdf`. */
export async function startPdfServer(files: Record<string, Buffer> = pdfFixtures()): Promise<PdfServer> {
  const server = http.createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://localhost').pathname.slice(1);
    const body = files[name];
    if (!body) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (name) => `${origin}/${name}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
