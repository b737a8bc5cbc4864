// Writes a text export line by line in the encoding the real export uses. Lines are buffered and
// encoded a megabyte at a time, so a million-row file never sits in memory; writes are synchronous,
// which keeps the output order (and the bytes) exactly as generated.
import { closeSync, openSync, writeSync } from "node:fs";
import iconv from "iconv-lite";

export type TextEncodingName = "gbk" | "gb18030" | "utf-8" | "utf-8-bom";
export type LineEnding = "\r\n" | "\n";

const FLUSH_CHARS = 1 << 20;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export class TextFileWriter {
  private readonly fd: number;
  private buffered: string[] = [];
  private bufferedChars = 0;
  private lines = 0;

  constructor(
    readonly path: string,
    private readonly encoding: TextEncodingName,
    private readonly lineEnding: LineEnding,
  ) {
    this.fd = openSync(path, "w");
    if (encoding === "utf-8-bom") writeSync(this.fd, UTF8_BOM);
  }

  /** Appends one line; returns its 1-based line number in the file (what the importer calls sourceRow). */
  line(text: string): number {
    this.buffered.push(text, this.lineEnding);
    this.bufferedChars += text.length + 2;
    if (this.bufferedChars >= FLUSH_CHARS) this.flush();
    return ++this.lines;
  }

  get lineCount(): number {
    return this.lines;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffered.length === 0) return;
    const text = this.buffered.join("");
    this.buffered = [];
    this.bufferedChars = 0;
    const bytes = this.encoding === "gbk" || this.encoding === "gb18030" ? iconv.encode(text, this.encoding) : Buffer.from(text, "utf8");
    writeSync(this.fd, bytes);
  }
}
