// Engine.IO v4 / Socket.IO v5 text messages, as SocketIoClient and LuzmoSocketStream read them:
// the input is one or more messages separated by U+001E (Engine.IO's record separator); each is
// decoded with SocketIoPacket::decode, and an `aiprompt` event's first argument (an object, or
// a frame as a string) is decoded and applied to an answer, as the Luzmo socket stream does.
#include "app/protocol/aipromptdecoder.h"
#include "app/socketio/socketiopacket.h"
#include "app/stream/answerassembler.h"
#include "tests/fuzz/fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(FuzzInput::view(data, size));
    AnswerAssembler answer;
    for (QStringView message : QStringView(input).split(QChar(0x1e))) {
        const SocketIoPacket packet = SocketIoPacket::decode(message);
        if (packet.kind != SocketIoPacket::Kind::Event || packet.name != u"aiprompt")
            continue;
        const QJsonValue payload = packet.arguments.at(0);
        if (payload.isString()) {
            const AiPromptDecoder::Result event = AiPromptDecoder::decode(payload.toString());
            if (event)
                answer.apply(*event);
            else
                answer.applyInvalidFrame(event.error());
        } else {
            answer.apply(AiPromptDecoder::decode(payload.toObject()));
        }
    }
    answer.end();
    return 0;
}
