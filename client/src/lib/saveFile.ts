/**
 * Hands a fetched file to the browser as a download under `filename` (an object URL clicked through a hidden
 * link, released right after).
 */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // some browsers read the URL after click() returns: release it on the next turn
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
