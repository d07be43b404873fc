/** Starts a download of a file made in the page (nothing leaves the browser). */
export function saveFile(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  // The download has started by then; the object URL only needs to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
