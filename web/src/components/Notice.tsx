import type { ComponentChildren } from 'preact';

interface Props {
  kind: 'info' | 'error' | 'success';
  title: string;
  children?: ComponentChildren;
  action?: { label: string; onClick: () => void };
  onDismiss?: () => void;
}

/** A boxed message: errors are announced to screen readers at once, the rest politely. */
export function Notice({ kind, title, children, action, onDismiss }: Props) {
  return (
    <div
      class={`notice notice-${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
      data-testid={`notice-${kind}`}
    >
      <div class="notice-body">
        <p class="notice-title">{title}</p>
        {children && <div class="notice-text">{children}</div>}
      </div>
      {(action || onDismiss) && (
        <div class="notice-actions">
          {action && (
            <button type="button" class="button" onClick={action.onClick}>
              {action.label}
            </button>
          )}
          {onDismiss && (
            <button
              type="button"
              class="button button-quiet"
              onClick={onDismiss}
              aria-label={`Dismiss: ${title}`}
            >
              ×
            </button>
          )}
        </div>
      )}
    </div>
  );
}
