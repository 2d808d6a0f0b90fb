import WorkmixCore

extension Timestamp {
    /// The end of the report's walk: the last window's end or, with follow-through, `follow_through.weeks`
    /// later, since what the work led to after the resident left is the point. One walk reads both: on
    /// redis a second walk reading only the paths of the weeks after was no faster, since classifying
    /// those commits (the model reads their files) costs more than their line counts.
    func followedThrough(_ config: WorkmixConfig, if followThrough: Bool) -> Timestamp {
        guard followThrough else { return self }
        return Timestamp(seconds: seconds + config.followThrough.windowSeconds, offsetMinutes: offsetMinutes)
    }
}
