/**
 * Hand a file fetched with the session's token to the browser's download: a plain link to the API
 * would carry no token (it lives in memory, never in a cookie the API reads).
 */
export function saveFile(name: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}
