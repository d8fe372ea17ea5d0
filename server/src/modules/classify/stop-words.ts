/**
 * Function words, particles, pronouns and polite phrases that carry no topic. The training file had
 * words like these removed by a third party, but what citizens type keeps them; dropping them before
 * features are built makes raw text look like the text the model learnt from (the words would be
 * unknown features anyway, but they split the word and character pairs around them).
 *
 * Written for this project (no list was copied). Negations (不, 没, 未, 无) stay: "不发工资" is a topic.
 */
const words = `
的 地 得 之 了 着 过 是 在 于 为 与 和 及 以及 或 或者 并 并且 而 而且 且 则 即 就 都 还 也 又 再 才 只 仅
吧 呢 啊 呀 吗 嘛 哦 哟 哈 嗯 啦 喽 噢 哇 哎 唉 诶 罢了 而已 的话 来着 似的 一样
我 我们 咱 咱们 你 你们 您 您们 他 他们 她 她们 它 它们 自己 本人 大家 人家 别人 其 其他 其它 其中 某 某些 各 各位 每
这 这个 这些 这样 这么 这种 这里 这边 这儿 那 那个 那些 那样 那么 那种 那里 那边 那儿 此 该 本 哪 哪个 哪些 哪里 什么 怎么 怎样 怎么样 如何 为什么 为何
一下 一些 一点 一点儿 有点 有些 一个 一种 一直 已经 已 曾 曾经 正在 正 将 将要 会 能 能够 可 可以 可能 应 应该 要 想 需要 必须 得以
很 非常 十分 特别 极其 太 更 最 越 较 比较 挺 真 真的 确实 实在 实在是 简直 到底 究竟 其实 当然 果然 居然 竟然 总是 一般 基本 基本上
但 但是 可是 然而 不过 只是 所以 因此 因为 由于 如果 假如 要是 即使 虽然 尽管 既然 于是 然后 接着 另外 此外 而是 还是 还有 甚至 不但 不仅 况且 何况
把 被 给 让 叫 使 对 对于 关于 向 往 从 自 自从 由 到 跟 同 按 按照 根据 通过 经过 随着 除了 除 比 像 以 以便 以免 为了 为着
上 下 里 中 内 外 时 时候 的时候 之后 以后 以前 之前 之间 期间 当时 现在 目前
你好 您好 大家好 请问 请 麻烦 麻烦您 谢谢 谢谢您 感谢 多谢 辛苦 辛苦了 打扰 打扰了 不好意思 拜托 望 盼 敬请 恳请 此致 敬礼
`;

export const stopWords: ReadonlySet<string> = new Set(words.split(/\s+/).filter(Boolean));
