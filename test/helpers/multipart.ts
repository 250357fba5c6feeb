/** A multipart body as a browser would send it, for `app.inject`: each file a part named `files`. */
export async function multipart(files: { name: string; bytes: Uint8Array }[]) {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([Buffer.from(f.bytes)]), f.name);
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type') ?? '' },
  };
}
