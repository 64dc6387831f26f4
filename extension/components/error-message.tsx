/** A failure, as the plain sentence the classifier wrote (what went wrong and what to try). */
export function ErrorMessage({ message }: { message: string }) {
  return (
    <p class="error" role="alert">
      {message}
    </p>
  );
}
