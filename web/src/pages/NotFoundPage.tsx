export function NotFoundPage({ path }: { path: string }) {
  return (
    <div class="page" data-testid="not-found">
      <h1 tabIndex={-1}>Page not found</h1>
      <p>
        There is nothing at <code>{path}</code>. <a href="#/">Back to your runs</a>
      </p>
    </div>
  );
}
