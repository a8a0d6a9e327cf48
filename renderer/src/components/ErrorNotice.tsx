interface ErrorNoticeProps {
  title: string;
  message?: string;
  retryLabel?: string;
  onRetry?: () => void;
}

/** A plain error box: what failed, the error's own message, and a way to try again. */
export function ErrorNotice({ title, message, retryLabel, onRetry }: ErrorNoticeProps) {
  return (
    <div className="error-notice" role="alert">
      <div>
        <strong className="error-notice__title">{title}</strong>
        {message && <p className="error-notice__message">{message}</p>}
      </div>
      {onRetry && retryLabel && (
        <button type="button" className="button" onClick={onRetry}>
          {retryLabel}
        </button>
      )}
    </div>
  );
}
