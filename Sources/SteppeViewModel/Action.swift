import SteppeCore

/// Something that happened: the user did something, or a piece of work finished.
public enum Action: Sendable {
    case keyPressed(Key)
    case mouse(MouseEvent)
    case resized(Size)
    case archiveProgressed(bytesDone: Int64, bytesTotal: Int64)
    case archiveLoaded(Library)
    case articleLoaded(index: Int, Article)
    case articleFailed(index: Int, message: String)
}

/// Work for the program to do outside the reducer; its results come back as actions.
public enum Effect: Sendable, Equatable {
    /// Read the full text of `headers[index]`; answer with `articleLoaded` or `articleFailed`.
    case loadArticle(index: Int)
    case quit
}
