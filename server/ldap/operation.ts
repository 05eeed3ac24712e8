// One operation in flight on a connection: its abandon switch. The AbortSignal is made only when something
// asks for it (a search passes it to the backend; most binds never need one), since an AbortController per
// message is a measurable share of a bind's cost.
export class Operation {
  #controller?: AbortController;
  #aborted = false;

  get aborted(): boolean {
    return this.#aborted;
  }

  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort();
    }
    return this.#controller.signal;
  }

  abort(): void {
    this.#aborted = true;
    this.#controller?.abort();
  }
}
