import { Component, type ReactNode } from 'react';
import { ErrorNotice } from './ErrorNotice';

interface Props {
  title: string;
  retryLabel: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Keeps a failure inside one page: the navigation stays usable and the page
 * says what went wrong instead of the whole window going blank.
 */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown): void {
    console.error('[renderer] page failed', error);
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <ErrorNotice
          title={this.props.title}
          message={this.state.error.message}
          retryLabel={this.props.retryLabel}
          onRetry={() => this.setState({ error: null })}
        />
      );
    }
    return this.props.children;
  }
}
