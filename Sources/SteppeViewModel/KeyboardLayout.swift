/// The Russian ЙЦУКЕН layout read as the Latin keys under the same fingers, so that `j`, `k`, `q` and
/// the rest work for a reader whose keyboard is switched to Russian (й is q, о is j, л is k).
enum KeyboardLayout {
    private static let russianToLatin: [Character: Character] = {
        let russian = Array("йцукенгшщзхъфывапролджэячсмитьбюё")
        let latin = Array("qwertyuiop[]asdfghjkl;'zxcvbnm,.`")
        var table: [Character: Character] = [:]
        for (r, l) in zip(russian, latin) {
            table[r] = l
            if let upperR = r.uppercased().first, let upperL = l.uppercased().first, upperR != r { table[upperR] = upperL }
        }
        return table
    }()

    /// The Latin key at the same place as a Russian letter, or nil.
    static func latin(for character: Character) -> Character? { russianToLatin[character] }
}
